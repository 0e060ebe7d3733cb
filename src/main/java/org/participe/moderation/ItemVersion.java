package org.participe.moderation;

import org.participe.base.content.ContentKey;

/** An item as an official saw it: acting on it fails if another official changed it since. */
public record ItemVersion(ContentKey ref, long version) {
}
