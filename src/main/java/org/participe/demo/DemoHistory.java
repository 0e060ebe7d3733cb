package org.participe.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.participe.accounts.AccountHistory;
import org.participe.comments.CommentHistory;
import org.participe.ideas.IdeaHistory;
import org.participe.reporting.ReportingRollups;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo town a past: the services date everything "now", so once seeded, ideas still
 * dated today are spread over the last ten months, each support and comment between its idea's
 * publication and today (most supports early, as they come in real life), and each account is
 * dated before its first contribution. The reporting rollup is then recounted from the moved
 * activity, so that the dashboard's weekly chart shows a year of participation, not one spike.
 * Ideas that {@link DemoModeration} already dated keep their dates. Every date goes through the
 * owner's history service ({@link IdeaHistory}, {@link CommentHistory}, {@link AccountHistory}),
 * computed by {@link DemoCalendar} from what {@link DemoLedger} says was seeded.
 */
@Component
@ConditionalOnProperty(name = "participe.demo.enabled", havingValue = "true")
class DemoHistory {

    private final DemoCalendar calendar;
    private final IdeaHistory ideas;
    private final CommentHistory comments;
    private final AccountHistory accounts;
    private final ReportingRollups rollups;

    DemoHistory(DemoCalendar calendar, IdeaHistory ideas, CommentHistory comments, AccountHistory accounts, ReportingRollups rollups) {
        this.calendar = calendar;
        this.ideas = ideas;
        this.comments = comments;
        this.accounts = accounts;
        this.rollups = rollups;
    }

    /** All or nothing: one transaction moves every date. */
    @Transactional
    public void spread(DemoLedger seeded) {
        Map<Long, IdeaHistory.DatedIdea> dated = new HashMap<>(seeded.datedIdeas);
        List<Long> today = seeded.ideas.stream().map(DemoLedger.Idea::id).filter(id -> !dated.containsKey(id)).toList();
        List<Instant> published = calendar.before(Collections.nCopies(today.size(), null),
                today.stream().map(id -> (int) (7 + (id * 37) % 290)).toList(), today.stream().map(id -> (int) (id * 5 % 24)).toList());
        List<IdeaHistory.DatedIdea> spread = new ArrayList<>();
        for (int i = 0; i < today.size(); i++) {
            spread.add(new IdeaHistory.DatedIdea(today.get(i), published.get(i), published.get(i)));
        }
        ideas.datePublications(spread);
        spread.forEach(idea -> dated.put(idea.ideaId(), idea));

        List<DemoLedger.Support> supports = seeded.supports;
        List<Instant> given = calendar.supportDates(supports.stream().map(s -> dated.get(s.ideaId()).publishedAt()).toList(),
                supports.stream().map(DemoLedger.Support::ideaId).toList(), supports.stream().map(DemoLedger.Support::accountId).toList());
        List<IdeaHistory.DatedSupport> datedSupports = new ArrayList<>();
        for (int i = 0; i < supports.size(); i++) {
            datedSupports.add(new IdeaHistory.DatedSupport(supports.get(i).ideaId(), supports.get(i).accountId(), given.get(i)));
        }

        // An idea's comments in the order they were written, evenly spread between its publication and today.
        List<DemoLedger.Comment> written = seeded.comments.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        Map<Long, Long> perIdea = new HashMap<>();
        written.forEach(comment -> perIdea.merge(comment.ideaId(), 1L, Long::sum));
        Map<Long, Long> seen = new HashMap<>();
        List<Long> ranks = written.stream().map(comment -> seen.merge(comment.ideaId(), 1L, Long::sum)).toList();
        List<Instant> writtenAt = calendar.commentDates(written.stream().map(c -> dated.get(c.ideaId()).publishedAt()).toList(),
                ranks, written.stream().map(c -> perIdea.get(c.ideaId())).toList());
        List<CommentHistory.DatedComment> datedComments = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            datedComments.add(new CommentHistory.DatedComment(written.get(i).id(), writtenAt.get(i)));
        }
        ideas.dateSupports(datedSupports);
        comments.dateComments(datedComments);

        // Each account joined before its first contribution, and at least a month ago.
        Map<Long, Instant> firstContribution = new HashMap<>();
        seeded.ideas.forEach(idea -> firstContribution.merge(idea.authorId(), dated.get(idea.id()).createdAt(), DemoHistory::earlier));
        datedSupports.forEach(support -> firstContribution.merge(support.accountId(), support.givenAt(), DemoHistory::earlier));
        for (int i = 0; i < written.size(); i++) {
            firstContribution.merge(written.get(i).authorId(), writtenAt.get(i), DemoHistory::earlier);
        }
        List<Long> ids = seeded.accountIds;
        List<Instant> monthsAgo = calendar.before(Collections.nCopies(ids.size(), null),
                ids.stream().map(id -> (int) (30 + id * 53 % 330)).toList(), Collections.nCopies(ids.size(), 0));
        List<Instant> earliest = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Instant first = firstContribution.get(ids.get(i));
            earliest.add(first == null ? monthsAgo.get(i) : earlier(monthsAgo.get(i), first));
        }
        List<Instant> joined = calendar.before(earliest, Collections.nCopies(ids.size(), 2), Collections.nCopies(ids.size(), 0));
        List<AccountHistory.DatedAccount> datedAccounts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            datedAccounts.add(new AccountHistory.DatedAccount(ids.get(i), joined.get(i), joined.get(i).plus(Duration.ofMinutes(12))));
        }
        accounts.dateSignUps(datedAccounts);

        rollups.recount();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
