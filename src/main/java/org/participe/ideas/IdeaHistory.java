package org.participe.ideas;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.participe.ideas.internal.IdeaHistoryStore;
import org.participe.base.content.ContentKey;
import org.participe.moderation.ModerationHistory;
import org.participe.security.Roles;
import org.participe.town.TownService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dates ideas, their supports and their public timeline after the fact, for contributions
 * recorded later than they happened: a town importing its history from another platform,
 * contributions typed in from paper with the date they were received, the demo town's past. The
 * use cases of {@link IdeaService} create everything "now"; this then sets when it happened,
 * keeping the timeline, the threshold date and the moderation queue in step with it. Nothing is
 * published (no event, no notification, no new version): nobody acted. Administrators only (the
 * demo seeds as one, at start-up); each call writes its rows in a few statements, whatever their
 * number. The reporting rollups are not recounted here: see {@code ReportingRollups}.
 */
@Service
@Transactional
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class IdeaHistory {

    /** When an idea was written, and published (the timeline's "published" entry and the moderation queue follow). */
    public record DatedIdea(long ideaId, Instant createdAt, Instant publishedAt) {
        public DatedIdea {
            Objects.requireNonNull(createdAt);
            Objects.requireNonNull(publishedAt);
        }
    }

    /** When a resident supported an idea. */
    public record DatedSupport(long ideaId, long accountId, Instant givenAt) {
        public DatedSupport {
            Objects.requireNonNull(givenAt);
        }
    }

    private final IdeaHistoryStore store;
    private final ModerationHistory moderation;
    private final TownService town;

    IdeaHistory(IdeaHistoryStore store, ModerationHistory moderation, TownService town) {
        this.store = store;
        this.moderation = moderation;
        this.town = town;
    }

    /** Dates the ideas' writing and publication, their "published" timeline entries, and their rows in the moderation queue. */
    public void datePublications(Collection<DatedIdea> ideas) {
        if (ideas.isEmpty()) {
            return;
        }
        store.datePublications(ideas);
        moderation.dateContents(ideas.stream()
                .map(idea -> new ModerationHistory.ContentDates(ContentKey.idea(idea.ideaId()), idea.createdAt(), idea.publishedAt()))
                .toList());
    }

    /** Dates the official answer of each idea (by idea id), and its answer entries on the timeline. */
    public void dateAnswers(Map<Long, Instant> answeredAt) {
        if (!answeredAt.isEmpty()) {
            store.dateAnswers(answeredAt);
        }
    }

    /**
     * Dates the supports; an idea among theirs that had reached the support threshold is then
     * dated at the support that made it reach it (the town's threshold-th, in date order), as is
     * its timeline entry.
     */
    public void dateSupports(Collection<DatedSupport> supports) {
        if (supports.isEmpty()) {
            return;
        }
        store.dateSupports(supports);
        store.dateThresholdsReached(supports.stream().map(DatedSupport::ideaId).distinct().toList(), town.profile().thresholdSupports());
    }
}
