package org.participe.accounts;

/** Changes to one's own profile; {@code version} guards against two tabs overwriting each other. */
public record ProfileUpdate(String displayName, Long neighbourhoodId, Integer birthYear, Sex sex, long version) {
}
