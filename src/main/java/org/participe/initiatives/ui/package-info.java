/** Initiative pages, and initiative cards for other features' pages. */
@NamedInterface("ui")
package org.participe.initiatives.ui;

import org.springframework.modulith.NamedInterface;
