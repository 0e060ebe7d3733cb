/** Idea pages, and idea cards for other features' pages (the home page). */
@NamedInterface("ui")
package org.participe.ideas.ui;

import org.springframework.modulith.NamedInterface;
