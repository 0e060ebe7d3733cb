package org.participe.privacy;

import java.time.Instant;
import java.util.UUID;

/** A copy of one's data one asked for: downloadable by its owner only, until it expires. */
public record DataExport(UUID id, Instant createdAt, Instant expiresAt, int downloads) {

    /** Where the owner downloads it (after signing in, if they are not). */
    public String path() {
        return "/my-data/export/" + id;
    }
}
