/** The follow button, for the pages of every followable feature. */
@NamedInterface("ui")
package org.participe.follows.ui;

import org.springframework.modulith.NamedInterface;
