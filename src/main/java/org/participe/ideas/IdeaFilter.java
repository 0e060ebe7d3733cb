package org.participe.ideas;

/**
 * What the public list shows: a text search (French, accents and plurals ignored), a category, a
 * neighbourhood (or {@link #WHOLE_TOWN}), a status, and the order.
 */
public record IdeaFilter(String text, Long categoryId, Long neighbourhoodId, IdeaStatus status, IdeaSort sort) {

    /** The neighbourhood filter value for ideas about the whole town. */
    public static final long WHOLE_TOWN = 0;

    public static IdeaFilter all(IdeaSort sort) {
        return new IdeaFilter(null, null, null, null, sort);
    }

    public IdeaSort sortOrDefault() {
        return sort == null ? IdeaSort.NEWEST : sort;
    }
}
