package org.participe.base.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of content residents and the town publish. A kind's name is what the database stores
 * (comments' and follows' {@code target_type}, moderation's {@code content_type}, notifications'
 * {@code target_type}). A kind either has a public page of its own, or appears at an anchor on the
 * page of the content it belongs to (a comment on its idea's page). A new kind (budget project,
 * council opinion, consultation, meeting) joins by adding one value here.
 */
public enum ContentKind {

    IDEA("ideas", null),
    COMMENT(null, "comment"),
    INITIATIVE("initiatives", null),
    BUDGET_CAMPAIGN("budgets", null),
    BUDGET_PROJECT("budget-projects", null);

    /** The route of the kind's pages, followed by the id; null for kinds shown on another's page. */
    private final String route;
    /** The id of the element showing the content on the page it appears on, followed by the id. */
    private final String anchor;

    ContentKind(String route, String anchor) {
        this.route = route;
        this.anchor = anchor;
    }

    /** The kind stored under this name; an unknown name is refused. */
    public static ContentKind stored(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Unknown kind of content: " + name));
    }

    /** The kind stored under this name, if it is one (a notification may also be about an account). */
    public static Optional<ContentKind> find(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** Whether content of this kind has a public page of its own. */
    public boolean hasOwnPage() {
        return route != null;
    }

    /** The kind's part of translation keys, e.g. {@code idea} in {@code notification.hidden.idea}. */
    public String textKey() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String route() {
        return route;
    }

    String anchor() {
        return anchor;
    }
}
