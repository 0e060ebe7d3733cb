package org.participe.reporting;

import java.util.Map;

/** The reference population per group ({@code DIMENSION:key} → people) and where the figures come from. */
public record ReferencePopulation(String source, Map<String, Integer> populations, long version) {

    public static String key(Representation.Dimension dimension, String group) {
        return dimension.name() + ":" + group;
    }
}
