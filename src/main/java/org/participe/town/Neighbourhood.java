package org.participe.town;

public record Neighbourhood(long id, String name, boolean active, long version) {
}
