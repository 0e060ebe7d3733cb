package org.participe.moderation;

/** A piece of content of any kind, by its kind's name and its id: what moderation acts on. */
public record ContentRef(String type, long id) {

    public static final String IDEA = "IDEA";
    public static final String COMMENT = "COMMENT";

    public static ContentRef idea(long id) {
        return new ContentRef(IDEA, id);
    }

    public static ContentRef comment(long id) {
        return new ContentRef(COMMENT, id);
    }

    /** The form used in URLs and the CSV export, e.g. {@code IDEA:12}. */
    @Override
    public String toString() {
        return type + ":" + id;
    }
}
