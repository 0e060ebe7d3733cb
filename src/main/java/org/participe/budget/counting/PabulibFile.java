package org.participe.budget.counting;

import java.util.Map;
import java.util.Set;

/**
 * A pabulib file as read: every META line by key, the instance (costs and budget in euro cents), and
 * the projects marked {@code selected} (winners) in the PROJECTS section.
 */
public record PabulibFile(Map<String, String> meta, Instance instance, Set<String> selected) {

    public PabulibFile {
        meta = Map.copyOf(meta);
        selected = Set.copyOf(selected);
    }
}
