package org.participe.ideas;

/**
 * What a resident writes when proposing or editing an idea; the photo is optional (null: none or
 * unchanged), and so is its description, the photo's alternative text (null: unchanged when
 * editing; blank: none).
 */
public record IdeaDraft(String title, String description, Long categoryId, Long neighbourhoodId, byte[] photo, String photoDescription) {

    public IdeaDraft(String title, String description, Long categoryId, Long neighbourhoodId, byte[] photo) {
        this(title, description, categoryId, neighbourhoodId, photo, null);
    }
}
