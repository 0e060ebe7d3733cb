package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.InvalidInputException;
import org.participe.comments.CommentService;
import org.participe.follows.FollowService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.Security;
import org.participe.test.StatementCounter;
import org.participe.test.TestData;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Ideas on a real PostgreSQL: rules, visibility and counts (under concurrency: {@code ConcurrencyIT}). */
@SpringBootTest
@RecordApplicationEvents
class IdeaServiceIT {

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired FollowService follows;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;
    ParticipeUser author;
    ParticipeUser admin;
    long category;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        author = data.confirmedAccount("author", Roles.RESIDENT);
        admin = data.confirmedAccount("ideas-admin", Roles.ADMIN);
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    private long propose(ParticipeUser who, String title) {
        return as(who, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.", category, null, null)));
    }

    @Test
    void aProposedIdeaIsPublishedFollowedByItsAuthorAndOnItsTimeline() {
        long id = propose(author, "Des fontaines à eau dans les parcs");
        IdeaDetail detail = anonymously(() -> ideas.detail(id)).orElseThrow();
        assertThat(detail.status()).isEqualTo(IdeaStatus.PUBLISHED);
        assertThat(detail.authorName()).isEqualTo("Person author");
        assertThat(anonymously(() -> ideas.timeline(id))).extracting(TimelineEntry::kind).containsExactly("PUBLISHED");
        assertThat(jdbc.queryForObject("select count(*) from follow where account_id = ? and target_id = ?", Integer.class,
                author.accountId(), id)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndWritesNoRow() {
        long before = jdbc.queryForObject("select count(*) from idea", Long.class);
        assertThatThrownBy(() -> as(author, () -> ideas.propose(new IdeaDraft("Court", "trop court", null, 999_999L, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors())
                        .containsOnlyKeys("title", "description", "categoryId", "neighbourhoodId"));
        assertThatThrownBy(() -> as(author, () -> ideas.propose(new IdeaDraft("Un titre tout à fait correct",
                "Une description assez longue pour être acceptée.", category, null, "<svg onload=alert(1)>".getBytes()))))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors()).containsKey("photo"));
        assertThat(jdbc.queryForObject("select count(*) from idea", Long.class)).isEqualTo(before);
    }

    @Test
    void anUnconfirmedAccountOrAVisitorCannotProposeSupportOrComment() {
        long id = propose(author, "Une idée à soutenir plus tard");
        ParticipeUser unconfirmed = Security.user(author.accountId(), author.email(), false, Roles.RESIDENT);
        assertThatThrownBy(() -> as(unconfirmed, () -> ideas.propose(new IdeaDraft("Une idée non confirmée", "Une description assez longue ici.", category, null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(unconfirmed, () -> ideas.support(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(unconfirmed, () -> comments.post(ContentKey.idea(id), null, "Bonjour"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anonymously(() -> ideas.support(id))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void supportingFollowsTheIdeaUnlessTheResidentSwitchedItOff() {
        long id = propose(author, "Une idée que l’on suit en la soutenant");
        ParticipeUser keen = data.confirmedAccount("keen", Roles.RESIDENT);
        ParticipeUser quiet = data.confirmedAccount("quiet", Roles.RESIDENT);
        as(quiet, () -> follows.setFollowsWhatTheySupport(false));
        as(keen, () -> ideas.support(id));
        as(quiet, () -> ideas.support(id));
        assertThat(as(keen, () -> follows.isFollowing(ContentKey.idea(id)))).isTrue();
        assertThat(as(quiet, () -> follows.isFollowing(ContentKey.idea(id)))).isFalse();
    }

    @Test
    void aSupportCanBeWithdrawnAndAWithdrawnIdeaTakesNoMore() {
        long id = propose(author, "Une idée que son auteur retirera");
        ParticipeUser fan = data.confirmedAccount("fickle", Roles.RESIDENT);
        assertThat(as(fan, () -> ideas.support(id))).isEqualTo(1);
        assertThat(as(fan, () -> ideas.withdrawSupport(id))).isZero();
        assertThat(as(fan, () -> ideas.withdrawSupport(id))).as("withdrawing twice changes nothing").isZero();

        as(author, () -> ideas.withdraw(id));
        assertThat(anonymously(() -> ideas.detail(id))).get().extracting(IdeaDetail::status).isEqualTo(IdeaStatus.WITHDRAWN);
        assertThatThrownBy(() -> as(fan, () -> ideas.support(id))).isInstanceOf(InvalidInputException.class);
        ParticipeUser other = data.confirmedAccount("other", Roles.RESIDENT);
        long another = propose(author, "Une autre idée du même auteur");
        assertThatThrownBy(() -> as(other, () -> ideas.withdraw(another))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reachingTheThresholdMarksTheIdeaAndPublishesTheEventOnce() {
        TownProfile rules = anonymously(() -> town.profile());
        as(admin, () -> town.update(new TownSettingsUpdate(rules.name(), rules.description(), rules.mainColour(), 2, 30,
                rules.preModeration(), 3, 30, 60, rules.version())));
        try {
            long id = propose(author, "Une idée qui atteint le seuil");
            as(data.confirmedAccount("first", Roles.RESIDENT), () -> ideas.support(id));
            assertThat(events.stream(IdeaEvents.IdeaReachedThreshold.class)).isEmpty();
            as(data.confirmedAccount("second", Roles.RESIDENT), () -> ideas.support(id));
            as(data.confirmedAccount("third", Roles.RESIDENT), () -> ideas.support(id));

            assertThat(events.stream(IdeaEvents.IdeaReachedThreshold.class).filter(e -> e.ideaId() == id)).hasSize(1);
            assertThat(anonymously(() -> ideas.detail(id)).orElseThrow().thresholdReachedAt()).isNotNull();
            assertThat(anonymously(() -> ideas.timeline(id))).extracting(TimelineEntry::kind).contains("THRESHOLD_REACHED");
        } finally {
            TownProfile now = anonymously(() -> town.profile());
            as(admin, () -> town.update(new TownSettingsUpdate(now.name(), now.description(), now.mainColour(),
                    rules.thresholdSupports(), rules.thresholdDays(), now.preModeration(), 3, 30, 60, now.version())));
        }
    }

    @Test
    void theAuthorEditsOnlyWithinThirtyMinutesAndBeforeAnySupport() {
        long id = propose(author, "Une idée que l’on corrige");
        IdeaDetail detail = as(author, () -> ideas.detail(id)).orElseThrow();
        assertThat(detail.editable()).isTrue();
        as(author, () -> ideas.edit(id, new IdeaDraft("Une idée que l’on a corrigée", "Une description corrigée et assez longue.", category, null, null), detail.version()));
        assertThat(anonymously(() -> ideas.detail(id)).orElseThrow().title()).isEqualTo("Une idée que l’on a corrigée");

        ParticipeUser stranger = data.confirmedAccount("stranger", Roles.RESIDENT);
        IdeaDetail fresh = as(author, () -> ideas.detail(id)).orElseThrow();
        assertThatThrownBy(() -> as(stranger, () -> ideas.edit(id, new IdeaDraft("Détournement de l’idée", "Une description tout à fait différente.", category, null, null), fresh.version())))
                .isInstanceOf(AccessDeniedException.class);

        jdbc.update("update idea set published_at = published_at - interval '31 minutes' where id = ?", id);
        assertThatThrownBy(() -> as(author, () -> ideas.edit(id, new IdeaDraft("Une idée modifiée trop tard", "Une description modifiée trop tard.", category, null, null), fresh.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.errors().get("idea").messageKey()).isEqualTo("idea.edit.closed"));

        long supported = propose(author, "Une idée déjà soutenue par quelqu’un");
        as(stranger, () -> ideas.support(supported));
        IdeaDetail withSupport = as(author, () -> ideas.detail(supported)).orElseThrow();
        assertThat(withSupport.editable()).isFalse();
        assertThatThrownBy(() -> as(author, () -> ideas.edit(supported, new IdeaDraft("Une idée déjà soutenue modifiée", "Une description assez longue encore.", category, null, null), withSupport.version())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pendingAndHiddenIdeasStayOutOfPublicSight() {
        TownProfile rules = anonymously(() -> town.profile());
        as(admin, () -> town.update(new TownSettingsUpdate(rules.name(), rules.description(), rules.mainColour(),
                rules.thresholdSupports(), rules.thresholdDays(), true, 3, 30, 60, rules.version())));
        long pending;
        try {
            pending = propose(author, "Une idée en attente de validation");
        } finally {
            TownProfile now = anonymously(() -> town.profile());
            as(admin, () -> town.update(new TownSettingsUpdate(now.name(), now.description(), now.mainColour(),
                    now.thresholdSupports(), now.thresholdDays(), false, 3, 30, 60, now.version())));
        }
        ParticipeUser neighbour = data.confirmedAccount("neighbour", Roles.RESIDENT);
        ParticipeUser official = data.confirmedAccount("official", Roles.OFFICIAL);
        IdeaFilter everything = new IdeaFilter("attente validation", null, null, null, IdeaSort.NEWEST);

        assertThat(anonymously(() -> ideas.detail(pending))).isEmpty();
        assertThat(as(neighbour, () -> ideas.detail(pending))).isEmpty();
        assertThat(anonymously(() -> ideas.list(everything, 0, 50))).extracting(IdeaCard::id).doesNotContain(pending);
        assertThat(as(author, () -> ideas.detail(pending))).get().extracting(IdeaDetail::status).isEqualTo(IdeaStatus.PENDING);
        assertThat(as(official, () -> ideas.detail(pending))).isPresent();

        as(official, () -> ideas.approve(pending));
        assertThat(anonymously(() -> ideas.list(everything, 0, 50))).extracting(IdeaCard::id).contains(pending);

        jdbc.update("update idea set hidden = true, hidden_reason = 'SPAM' where id = ?", pending);
        assertThat(anonymously(() -> ideas.detail(pending))).isEmpty();
        assertThat(anonymously(() -> ideas.list(everything, 0, 50))).extracting(IdeaCard::id).doesNotContain(pending);
        assertThat(anonymously(() -> ideas.photo(pending, true))).isEmpty();
    }

    @Test
    void searchIgnoresAccentsAndPluralsAndSimilarTitlesAreFound() {
        long id = propose(author, "Des pistes cyclables près des écoles");
        assertThat(anonymously(() -> ideas.list(new IdeaFilter("piste cyclable ecole", null, null, null, IdeaSort.NEWEST), 0, 20)))
                .extracting(IdeaCard::id).contains(id);
        assertThat(anonymously(() -> ideas.similar("Une piste cyclable pour l’école"))).extracting(IdeaCard::id).contains(id);
        assertThat(anonymously(() -> ideas.similar("Ouverture tardive de la piscine"))).extracting(IdeaCard::id).doesNotContain(id);
    }

    @Test
    void aListPageCostsOneStatementWhateverItsSize() {
        for (int i = 0; i < 30; i++) {
            propose(i % 2 == 0 ? author : data.confirmedAccount("prolific" + i, Roles.RESIDENT), "Idée numéro " + i + " pour compter les requêtes");
        }
        for (IdeaSort sort : IdeaSort.values()) {
            IdeaFilter filter = new IdeaFilter(null, category, null, null, sort);
            long small = anonymously(() -> StatementCounter.count(() -> ideas.list(filter, 0, 5)).statements());
            long large = anonymously(() -> StatementCounter.count(() -> ideas.list(filter, 0, 30)).statements());
            assertThat(small).as("statements for a page of 5, sorted by " + sort).isEqualTo(1);
            assertThat(large).as("statements for a page of 30, sorted by " + sort).isEqualTo(1);
        }
    }

    @Test
    void theMatchingIdeasAreCountedExactlyUpToTheLimitThenSaidToBeMore() {
        String word = "comptage" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        for (int i = 0; i < 3; i++) {
            propose(author, "Idée " + word + " numéro " + i);
        }
        IdeaFilter matching = new IdeaFilter(word, null, null, null, IdeaSort.NEWEST);
        assertThat(anonymously(() -> ideas.countUpTo(matching, 10))).isEqualTo(3);
        assertThat(anonymously(() -> ideas.countUpTo(matching, 3))).isEqualTo(3);
        assertThat(anonymously(() -> ideas.countUpTo(matching, 2))).as("more than the limit reads limit + 1").isEqualTo(3);
        assertThat(anonymously(() -> ideas.countUpTo(matching, 1))).isEqualTo(2);
        assertThat(anonymously(() -> ideas.countUpTo(new IdeaFilter(word + "absent", null, null, null, IdeaSort.NEWEST), 10))).isZero();
    }

    @Test
    void userTextIsStoredAsTypedNeverInterpreted() {
        String hostile = "<img src=x onerror=alert(1)> et des bancs";
        long id = propose(author, hostile);
        assertThat(anonymously(() -> ideas.detail(id)).orElseThrow().title()).isEqualTo(hostile);
    }
}
