/** Moderation controls for the pages of every moderated feature (flag, hide, restore in place). */
@NamedInterface("ui")
package org.participe.moderation.ui;

import org.springframework.modulith.NamedInterface;
