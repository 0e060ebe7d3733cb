/** The discussion component, for the pages of every commentable feature. */
@NamedInterface("ui")
package org.participe.comments.ui;

import org.springframework.modulith.NamedInterface;
