package org.participe.base.content;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of content, of any kind: what is followed, commented on, flagged, moderated and
 * announced. Its public path is computed here and nowhere else. Content without a page of its own
 * (a comment) is shown on the page of the content it belongs to, which only its owning module
 * knows: that module gives the page ({@link #pathOn}).
 */
public record ContentKey(ContentKind kind, long id) {

    public ContentKey {
        Objects.requireNonNull(kind, "kind");
    }

    public static ContentKey idea(long id) {
        return new ContentKey(ContentKind.IDEA, id);
    }

    public static ContentKey comment(long id) {
        return new ContentKey(ContentKind.COMMENT, id);
    }

    public static ContentKey initiative(long id) {
        return new ContentKey(ContentKind.INITIATIVE, id);
    }

    public static ContentKey budgetCampaign(long id) {
        return new ContentKey(ContentKind.BUDGET_CAMPAIGN, id);
    }

    public static ContentKey budgetProject(long id) {
        return new ContentKey(ContentKind.BUDGET_PROJECT, id);
    }

    /** The content stored as this kind's name and this id; an unknown kind is refused. */
    public static ContentKey stored(String kind, long id) {
        return new ContentKey(ContentKind.stored(kind), id);
    }

    /** The content whose own page this path is ({@code ideas/12}), if it is one. */
    public static Optional<ContentKey> ofPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        int slash = path.indexOf('/');
        String id = slash < 0 ? "" : path.substring(slash + 1);
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        String route = path.substring(0, slash);
        return Arrays.stream(ContentKind.values()).filter(kind -> route.equals(kind.route())).findFirst()
                .map(kind -> new ContentKey(kind, Long.parseLong(id)));
    }

    /** The route of this content's own page, e.g. {@code ideas/12}; refused for content without one. */
    public String path() {
        if (!kind.hasOwnPage()) {
            throw new IllegalStateException(kind + " has no page of its own: its path is on the page it belongs to");
        }
        return kind.route() + "/" + id;
    }

    /**
     * Where this content is seen, given the content whose page shows it: its own page, or its
     * anchor on that page ({@code ideas/12#comment-80}).
     */
    public String pathOn(ContentKey page) {
        return kind.hasOwnPage() ? path() : page.path() + "#" + kind.anchor() + "-" + id;
    }

    /** The form used in URLs, event keys and the audit export, e.g. {@code IDEA:12}. */
    @Override
    public String toString() {
        return kind.name() + ":" + id;
    }
}
