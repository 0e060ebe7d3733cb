package org.participe.ideas.internal;

/**
 * An idea's text as its author corrects it, validated; {@code photoDescription} null with
 * {@code keepPhotoDescription} leaves the photo's description as it was.
 */
public record IdeaText(String title, String description, long categoryId, Long neighbourhoodId, boolean addsPhoto,
                       String photoDescription, boolean keepPhotoDescription) {
}
