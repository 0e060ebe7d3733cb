package org.participe.follows;

/** Something that can be followed: a kind of content and its id. */
public record FollowTarget(String type, long id) {

    public static final String IDEA = "IDEA";
    public static final String INITIATIVE = "INITIATIVE";

    public static FollowTarget idea(long id) {
        return new FollowTarget(IDEA, id);
    }

    public static FollowTarget initiative(long id) {
        return new FollowTarget(INITIATIVE, id);
    }
}
