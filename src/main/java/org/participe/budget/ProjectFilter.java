package org.participe.budget;

/** Filters of a campaign's projects; null means any. */
public record ProjectFilter(Long envelopeId, ProjectStatus status) {

    public static ProjectFilter all() {
        return new ProjectFilter(null, null);
    }
}
