package org.participe.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.base.validation.InvalidInputException;
import org.participe.comments.CommentService;
import org.participe.comments.CommentThread;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaFilter;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.MutableClock;
import org.participe.test.TestData;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Flags, the inbox's actions, blocking, the audit and answer follow-up, on a real PostgreSQL with a clock the test moves. */
@SpringBootTest
@Import(MutableClock.Config.class)
@RecordApplicationEvents
class ModerationServiceIT {

    @Autowired ModerationService moderation;
    @Autowired ModerationAudit audit;
    @Autowired FollowUpService followUp;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService userDetails;
    @Autowired ApplicationEvents events;
    ParticipeUser author;
    ParticipeUser official;
    ParticipeUser otherOfficial;
    ParticipeUser admin;
    long category;

    @BeforeEach
    void setUp() {
        clock.reset();
        data.ensureTown();
        author = data.confirmedAccount("mod-author", Roles.RESIDENT);
        official = data.confirmedAccount("mod-official", Roles.OFFICIAL, Roles.RESIDENT);
        otherOfficial = data.confirmedAccount("mod-official2", Roles.OFFICIAL);
        admin = data.confirmedAccount("mod-admin", Roles.ADMIN);
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long idea(ParticipeUser who, String title) {
        return as(who, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.", category, null, null)));
    }

    private ParticipeUser resident(String name) {
        return data.confirmedAccount(name, Roles.RESIDENT);
    }

    private List<AuditEntry> auditOf(ContentKey ref) {
        // Every page of the audit for this kind of content: other test classes add entries dated after this one's clock.
        List<AuditEntry> entries = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            int from = offset;
            List<AuditEntry> page = as(official, () -> audit.entries(new AuditFilter(null, ref.kind(), null, null, null), from, 500));
            entries.addAll(page);
            if (page.size() < 500) {
                break;
            }
        }
        return entries.stream().filter(e -> ref.equals(e.content())).toList().reversed();
    }

    private boolean publicThreadsContain(long ideaId, long commentId) {
        return anonymously(() -> comments.page(ContentKey.idea(ideaId), false, 0)).threads().stream()
                .map(CommentThread::comment).anyMatch(c -> c.id() == commentId);
    }

    private ItemVersion seen(ContentKey ref) {
        return as(official, () -> moderation.current(ref));
    }

    @Test
    void theThirdDistinctFlagHidesACommentPendingReviewAndTellsItsAuthor() {
        long ideaId = idea(author, "Un banc devant la médiathèque");
        long commentId = as(author, () -> comments.post(ContentKey.idea(ideaId), null, "Un commentaire que trois personnes signalent."));
        ContentKey ref = ContentKey.comment(commentId);
        ParticipeUser first = resident("flagger1");
        ParticipeUser second = resident("flagger2");
        ParticipeUser third = resident("flagger3");

        assertThat(as(first, () -> moderation.flag(ref, ModerationReason.ABUSE, null))).isFalse();
        assertThatThrownBy(() -> as(first, () -> moderation.flag(ref, ModerationReason.SPAM, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get("reason").messageKey()).isEqualTo("flag.already"));
        assertThat(as(second, () -> moderation.flag(ref, ModerationReason.ABUSE, "Insulte envers un voisin"))).isFalse();
        assertThat(publicThreadsContain(ideaId, commentId)).as("two distinct flags do not hide").isTrue();
        assertThat(as(official, () -> moderation.inbox(InboxTab.FLAGGED, null, 0, 500))).extracting(InboxItem::ref).contains(ref);

        assertThat(as(third, () -> moderation.flag(ref, ModerationReason.OFF_TOPIC, null))).isTrue();

        assertThat(publicThreadsContain(ideaId, commentId)).isFalse();
        var seenByAuthor = as(author, () -> comments.page(ContentKey.idea(ideaId), false, 0)).threads().getFirst().comment();
        assertThat(seenByAuthor.hidden()).isTrue();
        assertThat(seenByAuthor.hiddenReason()).isEqualTo("FLAGGED");
        assertThat(seenByAuthor.editable()).isFalse();
        assertThatThrownBy(() -> as(author, () -> comments.edit(commentId, "Un texte réécrit pour échapper à la modération.", seenByAuthor.version())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as(first, () -> comments.post(ContentKey.idea(ideaId), commentId, "Une réponse à un commentaire masqué")))
                .isInstanceOf(InvalidInputException.class);
        InboxItem item = as(official, () -> moderation.inbox(InboxTab.AUTO_HIDDEN, ContentKind.COMMENT, 0, 500)).stream()
                .filter(i -> i.ref().equals(ref)).findFirst().orElseThrow();
        assertThat(item.flagReasons()).containsEntry(ModerationReason.ABUSE, 2).containsEntry(ModerationReason.OFF_TOPIC, 1);
        assertThat(item.text()).isEqualTo("Un commentaire que trois personnes signalent.");
        assertThat(events.stream(ModerationEvents.ContentHidden.class))
                .anyMatch(e -> e.ref().equals(ref) && e.automatic() && e.authorId() == author.accountId() && e.page().path().equals("ideas/" + ideaId));
        assertThat(auditOf(ref)).extracting(AuditEntry::action).containsExactly("FLAG", "FLAG", "FLAG", "AUTO_HIDE");
        AuditEntry autoHide = auditOf(ref).getLast();
        assertThat(autoHide.actorName()).isNull();
        assertThat(autoHide.before()).isEqualTo("visible");
        assertThat(autoHide.after()).startsWith("hidden: FLAGGED");
    }

    @Test
    void anOfficialRestoresHiddenContentAndItsFlagsNoLongerCount() {
        long ideaId = idea(author, "Des toilettes publiques au parc");
        long commentId = as(author, () -> comments.post(ContentKey.idea(ideaId), null, "Un avis tranché mais correct."));
        ContentKey ref = ContentKey.comment(commentId);
        for (String name : List.of("r-a", "r-b", "r-c")) {
            ParticipeUser flagger = resident(name);
            as(flagger, () -> moderation.flag(ref, ModerationReason.SPAM, null));
        }
        assertThat(publicThreadsContain(ideaId, commentId)).isFalse();
        assertThat(anonymously(() -> ideas.detail(ideaId)).orElseThrow().commentCount()).as("a hidden comment is not counted").isZero();

        ActionResult result = as(official, () -> moderation.restore(List.of(seen(ref)), "Propos corrects, signalements infondés"));
        assertThat(anonymously(() -> ideas.detail(ideaId)).orElseThrow().commentCount()).isEqualTo(1);

        assertThat(result.done()).isEqualTo(1);
        assertThat(publicThreadsContain(ideaId, commentId)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from flag where content_type = 'COMMENT' and content_id = ? and dismissed_at is null",
                Integer.class, commentId)).isZero();
        AuditEntry restore = auditOf(ref).getLast();
        assertThat(restore.action()).isEqualTo("RESTORE");
        assertThat(restore.before()).isEqualTo("hidden: FLAGGED");
        assertThat(restore.after()).isEqualTo("visible");
        assertThat(restore.note()).isEqualTo("Propos corrects, signalements infondés");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from notification where recipient_id = ? and kind = 'MODERATION' and event_key like 'restored:COMMENT:' || ? || ':%'",
                Integer.class, author.accountId(), String.valueOf(commentId)), count -> count == 1);
        ParticipeUser fourth = resident("r-d");
        assertThat(as(fourth, () -> moderation.flag(ref, ModerationReason.SPAM, null))).as("one new flag, not four").isFalse();
        assertThat(publicThreadsContain(ideaId, commentId)).isTrue();
    }

    @Test
    void aHiddenIdeaIsInvisibleToThePublicAndSearchButVisibleToItsAuthorWithTheReason() {
        long id = idea(author, "Zéphyrin propose un kiosque musical");
        ContentKey ref = ContentKey.idea(id);

        as(official, () -> moderation.hide(List.of(seen(ref)), ModerationReason.PERSONAL_DATA, "Le texte cite l'adresse d'un voisin"));

        assertThat(anonymously(() -> ideas.detail(id))).isEmpty();
        assertThat(anonymously(() -> ideas.list(new IdeaFilter("Zéphyrin", null, null, null, null), 0, 50))).isEmpty();
        assertThat(anonymously(() -> ideas.similar("Zéphyrin kiosque musical"))).noneMatch(card -> card.id() == id);
        var mine = as(author, () -> ideas.detail(id)).orElseThrow();
        assertThat(mine.hidden()).isTrue();
        assertThat(mine.hiddenReason()).isEqualTo("PERSONAL_DATA");
        assertThat(as(official, () -> ideas.detail(id))).isPresent();
        assertThatThrownBy(() -> as(resident("supporter"), () -> ideas.support(id))).isInstanceOf(InvalidInputException.class);
        AuditEntry hide = auditOf(ref).getLast();
        assertThat(hide.action()).isEqualTo("HIDE");
        assertThat(hide.reason()).isEqualTo("PERSONAL_DATA");
        assertThat(hide.before()).isEqualTo("visible");
        assertThat(hide.after()).isEqualTo("hidden: PERSONAL_DATA");
        assertThat(events.stream(ModerationEvents.ContentHidden.class))
                .anyMatch(e -> e.ref().equals(ref) && !e.automatic() && e.note().equals("Le texte cite l'adresse d'un voisin"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "select detail from notification where recipient_id = ? and kind = 'MODERATION' and target_type = 'IDEA' and target_id = ?",
                String.class, author.accountId(), id), details -> details.contains("Données personnelles — Le texte cite l'adresse d'un voisin"));
    }

    @Test
    void blockingHidesAllTheAuthorsContentAndStopsParticipationUntilUnblocked() {
        ParticipeUser troll = resident("troll");
        long otherIdea = idea(author, "Un jardin partagé rue Pasteur");
        long trollIdea = idea(troll, "Une idée du compte à suspendre");
        long trollComment = as(troll, () -> comments.post(ContentKey.idea(otherIdea), null, "Un commentaire du compte à suspendre."));
        long alreadyHidden = as(troll, () -> comments.post(ContentKey.idea(otherIdea), null, "Un commentaire déjà masqué pour spam."));
        as(official, () -> moderation.hide(List.of(seen(ContentKey.comment(alreadyHidden))), ModerationReason.SPAM, null));

        assertThatThrownBy(() -> as(official, () -> moderation.blockAuthors(List.of(troll.accountId()), "court")))
                .isInstanceOf(InvalidInputException.class);
        int blocked = as(official, () -> moderation.blockAuthors(List.of(troll.accountId()), "Insultes répétées malgré un avertissement"));

        assertThat(blocked).isEqualTo(1);
        assertThat(anonymously(() -> ideas.detail(trollIdea))).isEmpty();
        assertThat(publicThreadsContain(otherIdea, trollComment)).isFalse();
        ParticipeUser signedInAgain = (ParticipeUser) userDetails.loadUserByUsername(troll.email());
        assertThat(signedInAgain.blocked()).isTrue();
        assertThat(signedInAgain.getAuthorities()).extracting(Object::toString).contains("ROLE_BLOCKED").doesNotContain("ROLE_RESIDENT");
        assertThatThrownBy(() -> as(signedInAgain, () -> idea(signedInAgain, "Une nouvelle idée malgré la suspension")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(signedInAgain, () -> comments.post(ContentKey.idea(otherIdea), null, "Encore moi")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(signedInAgain, () -> ideas.support(otherIdea))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(signedInAgain, () -> moderation.flag(ContentKey.idea(otherIdea), ModerationReason.SPAM, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(official, () -> moderation.restore(List.of(seen(ContentKey.idea(trollIdea))), null)))
                .isInstanceOf(InvalidInputException.class);

        as(official, () -> moderation.unblockAuthor(troll.accountId(), "Excuses présentées"));

        assertThat(anonymously(() -> ideas.detail(trollIdea))).isPresent();
        assertThat(publicThreadsContain(otherIdea, trollComment)).isTrue();
        assertThat(publicThreadsContain(otherIdea, alreadyHidden)).as("hidden for its own reason, not by the block").isFalse();
        assertThat(((ParticipeUser) userDetails.loadUserByUsername(troll.email())).getAuthorities()).extracting(Object::toString)
                .contains("ROLE_RESIDENT");
        List<AuditEntry> entries = as(official, () -> audit.entries(new AuditFilter(null, null, "troll", null, null), 0, 50));
        assertThat(entries).extracting(AuditEntry::action).contains("BLOCK", "UNBLOCK");
        AuditEntry block = entries.stream().filter(e -> e.action().equals("BLOCK")).findFirst().orElseThrow();
        assertThat(block.before()).isEqualTo("active");
        assertThat(block.after()).isEqualTo("blocked; content hidden: 2");
        assertThat(block.note()).isEqualTo("Insultes répétées malgré un avertissement");
    }

    @Test
    void dismissingTheFlagsOfAnAutomaticallyHiddenItemShowsItAgain() {
        long ideaId = idea(author, "Une idée signalée à tort trois fois");
        ContentKey ref = ContentKey.idea(ideaId);
        for (String name : List.of("d-a", "d-b", "d-c")) {
            ParticipeUser flagger = resident(name);
            as(flagger, () -> moderation.flag(ref, ModerationReason.OFF_TOPIC, null));
        }
        assertThat(anonymously(() -> ideas.detail(ideaId))).isEmpty();

        as(official, () -> moderation.dismissFlags(List.of(seen(ref)), null));

        assertThat(anonymously(() -> ideas.detail(ideaId))).isPresent();
        assertThat(as(official, () -> moderation.inbox(InboxTab.AUTO_HIDDEN, null, 0, 1000))).extracting(InboxItem::ref).doesNotContain(ref);
        assertThat(auditOf(ref).getLast().action()).isEqualTo("RESTORE");
    }

    @Test
    void officialsCannotBeBlocked() {
        assertThatThrownBy(() -> as(official, () -> moderation.blockAuthors(List.of(otherOfficial.accountId()), "Un motif assez long")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get("reason").messageKey()).isEqualTo("moderation.block.not-resident"));
    }

    @Test
    void theSecondOfTwoOfficialsActingOnTheSameItemIsToldAndOverwritesNothing() {
        long id = idea(author, "Des bacs à compost dans chaque quartier");
        ContentKey ref = ContentKey.idea(id);
        ItemVersion readByBoth = seen(ref);

        as(official, () -> moderation.hide(List.of(readByBoth), ModerationReason.SPAM, null));

        assertThatThrownBy(() -> as(otherOfficial, () -> moderation.hide(List.of(readByBoth), ModerationReason.ABUSE, null)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        long other = idea(author, "Une deuxième idée pour l'action groupée");
        ActionResult bulk = as(otherOfficial, () -> moderation.restore(List.of(readByBoth, seen(ContentKey.idea(other))), null));
        assertThat(bulk.conflicts()).containsExactly(ref);
        assertThat(jdbc.queryForObject("select hidden_reason from idea where id = ?", String.class, id)).isEqualTo("SPAM");
        assertThat(auditOf(ref)).extracting(AuditEntry::action).containsExactly("HIDE");
    }

    @Test
    void pendingIdeasAreApprovedInBulkAndTheAnswerIsAudited() {
        TownProfile rules = anonymously(() -> town.profile());
        as(admin, () -> town.update(TownSettingsUpdate.from(rules).withPreModeration(true)));
        long first;
        long second;
        try {
            first = idea(author, "Une idée qui attend la validation");
            second = idea(author, "Une autre idée qui attend la validation");
        } finally {
            TownProfile now = anonymously(() -> town.profile());
            as(admin, () -> town.update(TownSettingsUpdate.from(now).withPreModeration(false)));
        }
        List<InboxItem> pending = as(official, () -> moderation.inbox(InboxTab.PENDING, ContentKind.IDEA, 0, 500)).stream()
                .filter(i -> i.ref().id() == first || i.ref().id() == second).toList();
        assertThat(pending).hasSize(2);

        ActionResult result = as(official, () -> moderation.approve(pending.stream().map(i -> new ItemVersion(i.ref(), i.version())).toList()));

        assertThat(result.done()).isEqualTo(2);
        assertThat(anonymously(() -> ideas.detail(first))).map(d -> d.status()).contains(IdeaStatus.PUBLISHED);
        assertThat(auditOf(ContentKey.idea(first))).extracting(AuditEntry::action).containsExactly("APPROVE");

        as(official, () -> ideas.answer(first, IdeaStatus.REJECTED, "Le terrain visé appartient au département, pas à la ville.",
                ideas.detail(first).orElseThrow().version()));
        AuditEntry answer = auditOf(ContentKey.idea(first)).getLast();
        assertThat(answer.action()).isEqualTo("ANSWER");
        assertThat(answer.before()).isEqualTo("PUBLISHED");
        assertThat(answer.after()).isEqualTo("REJECTED");
    }

    @Test
    void aThresholdSetsADueDateThatBecomesOverdueAndTheAnswerIsMeasuredAgainstIt() {
        Instant start = LocalDate.of(2026, 3, 2).atTime(10, 0).atZone(TownZone.zone()).toInstant();
        clock.set(start);
        TownProfile rules = anonymously(() -> town.profile());
        as(admin, () -> town.update(TownSettingsUpdate.from(rules).withThreshold(2)));
        long id;
        try {
            id = idea(author, "Un passage piéton devant l'école");
            long ideaId = id;
            as(resident("s1"), () -> ideas.support(ideaId));
            as(resident("s2"), () -> ideas.support(ideaId));
        } finally {
            TownProfile now = anonymously(() -> town.profile());
            as(admin, () -> town.update(TownSettingsUpdate.from(now).withThreshold(rules.thresholdSupports())));
        }
        ContentKey ref = ContentKey.idea(id);
        ItemFollowUp due = anonymously(() -> followUp.followUp(ref)).orElseThrow();
        assertThat(due.dueAt()).isEqualTo(start.plus(Duration.ofDays(rules.answerDueDays())));
        assertThat(as(official, () -> moderation.inbox(InboxTab.AWAITING_ANSWER, null, 0, 1000))).extracting(InboxItem::ref).contains(ref);
        assertThat(as(official, () -> moderation.inbox(InboxTab.OVERDUE, null, 0, 1000))).extracting(InboxItem::ref).doesNotContain(ref);

        clock.advance(Duration.ofDays(rules.answerDueDays()).plusHours(1));

        InboxItem overdue = as(official, () -> moderation.inbox(InboxTab.OVERDUE, null, 0, 1000)).stream()
                .filter(i -> i.ref().equals(ref)).findFirst().orElseThrow();
        assertThat(overdue.overdue()).isTrue();
        assertThat(anonymously(() -> followUp.followUp(ref)).orElseThrow().overdue(clock.instant())).isTrue();
        assertThat(anonymously(() -> followUp.openOverdue())).isPositive();

        long ideaId = id;
        as(official, () -> ideas.answer(ideaId, IdeaStatus.UNDER_REVIEW, "Les services étudient la faisabilité avec le département.",
                ideas.detail(ideaId).orElseThrow().version()));

        ItemFollowUp answered = anonymously(() -> followUp.followUp(ref)).orElseThrow();
        assertThat(answered.answeredAt()).isEqualTo(clock.instant());
        assertThat(answered.onTime()).isFalse();
        assertThat(as(official, () -> moderation.inbox(InboxTab.OVERDUE, null, 0, 1000))).extracting(InboxItem::ref).doesNotContain(ref);
        PeriodFigures thisMonth = anonymously(() -> followUp.monthlyFigures(12)).getFirst();
        assertThat(thisMonth.periodStart()).isEqualTo(LocalDate.ofInstant(clock.instant(), TownZone.zone()).withDayOfMonth(1));
        assertThat(thisMonth.answered()).isGreaterThanOrEqualTo(1);
        assertThat(thisMonth.withDueDate()).isGreaterThan(thisMonth.onTime());
    }

    @Test
    void anAssignmentSetsWhoAnswersByWhenAndTheAnswerOnTimeCounts() {
        clock.set(LocalDate.of(2026, 5, 4).atTime(9, 0).atZone(TownZone.zone()).toInstant());
        ContentKey ref = ContentKey.idea(idea(author, "Des arceaux vélo devant la gare"));
        LocalDate dueDay = LocalDate.of(2026, 5, 20);

        assertThatThrownBy(() -> as(official, () -> followUp.assign(List.of(seen(ref)), null, " ", dueDay)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsKey("assignee"));
        assertThatThrownBy(() -> as(official, () -> followUp.assign(List.of(seen(ref)), author.accountId(), null, dueDay)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsKey("assignee"));
        assertThatThrownBy(() -> as(official, () -> followUp.assign(List.of(seen(ref)), null, "Voirie", LocalDate.of(2026, 5, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsKey("dueDate"));
        as(official, () -> followUp.assign(List.of(seen(ref)), otherOfficial.accountId(), "Service voirie", dueDay));

        ItemFollowUp state = anonymously(() -> followUp.followUp(ref)).orElseThrow();
        assertThat(state.assigneeService()).isEqualTo("Service voirie");
        assertThat(state.assigneeName()).isEqualTo("Person mod-official2");
        assertThat(LocalDate.ofInstant(state.dueAt(), TownZone.zone())).isEqualTo(dueDay);
        assertThat(auditOf(ref).getLast().action()).isEqualTo("ASSIGN");

        clock.set(dueDay.atTime(18, 0).atZone(TownZone.zone()).toInstant());
        as(official, () -> ideas.answer(ref.id(), IdeaStatus.ACCEPTED, "Les arceaux seront posés au printemps par les services.",
                ideas.detail(ref.id()).orElseThrow().version()));
        assertThat(anonymously(() -> followUp.followUp(ref)).orElseThrow().onTime()).isTrue();
    }

    @Test
    void anIdeaPublishedLongAgoWithoutAnAnswerJoinsTheAwaitingList() {
        clock.set(Instant.now().minus(Duration.ofDays(400)));
        ContentKey ref = ContentKey.idea(idea(author, "Une vieille idée restée sans réponse"));
        clock.reset();
        assertThat(as(official, () -> moderation.inbox(InboxTab.AWAITING_ANSWER, ContentKind.IDEA, 0, 1000))).extracting(InboxItem::ref)
                .contains(ref);
        ContentKey fresh = ContentKey.idea(idea(author, "Une idée toute récente sans réponse"));
        assertThat(as(official, () -> moderation.inbox(InboxTab.AWAITING_ANSWER, ContentKind.IDEA, 0, 1000))).extracting(InboxItem::ref)
                .doesNotContain(fresh);
    }

    @Test
    void residentsStaffAndVisitorsCannotUseTheInboxNorItsActions() {
        ContentKey ref = ContentKey.idea(idea(author, "Une idée que personne ne modère ici"));
        ParticipeUser staff = data.confirmedAccount("mod-staff", Roles.STAFF);
        for (ParticipeUser denied : List.of(author, staff)) {
            assertThatThrownBy(() -> as(denied, () -> moderation.inbox(InboxTab.FLAGGED, null, 0, 10))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(denied, () -> moderation.counts())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(denied, () -> moderation.hide(List.of(new ItemVersion(ref, 0)), ModerationReason.SPAM, null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(denied, () -> moderation.blockAuthors(List.of(author.accountId()), "Un motif assez long")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(denied, () -> followUp.assign(List.of(new ItemVersion(ref, 0)), null, "Voirie", LocalDate.now())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(denied, () -> audit.entries(AuditFilter.none(), 0, 10))).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> anonymously(() -> moderation.flag(ref, ModerationReason.SPAM, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(admin, () -> audit.count(AuditFilter.none()))).as("administrators read the audit").isPositive();
        assertThatThrownBy(() -> as(author, () -> moderation.flag(ref, ModerationReason.SPAM, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get("reason").messageKey()).isEqualTo("flag.own"));
    }

    @Test
    void anOfficialChangesAnIdeasStatusAndVisibilityNeverItsText() {
        long id = idea(author, "Une idée dont le texte est intouchable");
        long version = as(author, () -> ideas.detail(id)).orElseThrow().version();
        assertThatThrownBy(() -> as(official, () -> ideas.edit(id, new IdeaDraft("Un titre réécrit par un élu", "Une description réécrite par un élu.",
                category, null, null), version))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select title from idea where id = ?", String.class, id)).isEqualTo("Une idée dont le texte est intouchable");
    }

    @Test
    void theAuditIsAppendOnlyAndExportsAsSafeCsv() {
        long ideaId = idea(author, "Une idée pour l'export du journal");
        as(official, () -> moderation.hide(List.of(seen(ContentKey.idea(ideaId))), ModerationReason.OTHER, "=HYPERLINK(\"http://x\") ; note"));
        assertThatThrownBy(() -> jdbc.update("update moderation_audit set note = 'réécrit'")).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from moderation_audit")).isInstanceOf(DataAccessException.class);

        StringWriter csv = new StringWriter();
        as(official, () -> audit.writeCsv(new AuditFilter("HIDE", ContentKind.IDEA, null, null, null), csv, Locale.FRENCH));

        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF\"Date\";\"Par\";\"Action\";\"Contenu\";\"Personne concernée\";\"Motif ou statut\";\"Note\";\"Avant\";\"Après\"");
        assertThat(lines).anyMatch(line -> line.contains("\"Idée n° " + ideaId + "\"") && line.contains("\"'=HYPERLINK(\"\"http://x\"\") ; note\""));
        assertThat(Arrays.copyOfRange(lines, 1, lines.length)).allMatch(line -> line.contains(";\"Masquage\";"));
    }

    @Test
    void flagsNeedAReasonAndANoteForOther() {
        ContentKey ref = ContentKey.idea(idea(author, "Une idée pour tester les motifs"));
        ParticipeUser flagger = resident("motifs");
        assertThatThrownBy(() -> as(flagger, () -> moderation.flag(ref, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsKey("reason"));
        assertThatThrownBy(() -> as(flagger, () -> moderation.flag(ref, ModerationReason.OTHER, "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsKey("note"));
        assertThatThrownBy(() -> as(flagger, () -> moderation.flag(ref, ModerationReason.FLAGGED, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForObject("select count(*) from flag where content_type = 'IDEA' and content_id = ?", Integer.class, ref.id())).isZero();
        Map<InboxTab, Long> counts = as(official, () -> moderation.counts());
        assertThat(counts).containsOnlyKeys(InboxTab.values());
    }

    @Test
    void tabCountsStopPastTheLimit() {
        // Two items pending validation at least (this one and the one before), then counts limited to one.
        TownProfile rules = anonymously(() -> town.profile());
        as(admin, () -> town.update(new TownSettingsUpdate(rules.name(), rules.description(), rules.mainColour(),
                rules.thresholdSupports(), rules.thresholdDays(), true, rules.flagsToHide(), rules.answerDueDays(), rules.unansweredAlertDays(), rules.version())));
        try {
            idea(author, "Une première idée en attente pour compter");
            idea(author, "Une seconde idée en attente pour compter");
        } finally {
            TownProfile now = anonymously(() -> town.profile());
            as(admin, () -> town.update(new TownSettingsUpdate(now.name(), now.description(), now.mainColour(), now.thresholdSupports(),
                    now.thresholdDays(), false, now.flagsToHide(), now.answerDueDays(), now.unansweredAlertDays(), now.version())));
        }
        long exact = jdbc.queryForObject("select count(*) from moderation_item where pending", Long.class);
        assertThat(as(official, () -> moderation.counts()).get(InboxTab.PENDING)).isEqualTo(Math.min(exact, ModerationService.COUNT_LIMIT + 1L));
        assertThat(as(official, () -> moderation.counts(1)).get(InboxTab.PENDING)).as("past the limit, limit + 1").isEqualTo(2);
    }
}
