package org.participe.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.participe.ideas.IdeaHistory;

/**
 * What the seeding wrote through the services, all dated now, for {@link DemoHistory} to date in
 * the past: it reads none of the owners' tables, so it keeps its own account of what it did.
 */
final class DemoLedger {

    record Idea(long id, long authorId) {
    }

    record Support(long ideaId, long accountId) {
    }

    record Comment(long id, long ideaId, long authorId) {
    }

    final List<Long> accountIds = new ArrayList<>();
    /** The demo's ideas, in the order they were proposed (pending ones aside: they stay dated today). */
    final List<Idea> ideas = new ArrayList<>();
    /** The ideas that officials answered, in the order they were proposed. */
    final List<Long> answeredIdeas = new ArrayList<>();
    final List<Support> supports = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    /** Ideas already dated (by {@link DemoModeration}), which {@link DemoHistory} leaves as they are. */
    final Map<Long, IdeaHistory.DatedIdea> datedIdeas = new LinkedHashMap<>();
}
