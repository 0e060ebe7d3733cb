package org.participe.ideas;

/** What a resident writes when proposing or editing an idea; the photo is optional (null: none or unchanged). */
public record IdeaDraft(String title, String description, Long categoryId, Long neighbourhoodId, byte[] photo) {
}
