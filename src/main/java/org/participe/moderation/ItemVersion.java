package org.participe.moderation;

/** An item as an official saw it: acting on it fails if another official changed it since. */
public record ItemVersion(ContentRef ref, long version) {
}
