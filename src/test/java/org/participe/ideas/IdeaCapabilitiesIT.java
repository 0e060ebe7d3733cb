package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** An idea's detail carries what the current person may do there, decided by the service. */
@SpringBootTest
class IdeaCapabilitiesIT {

    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;

    ParticipeUser author;
    long idea;

    @BeforeEach
    void setUp() {
        data.ensureTown();
        author = data.confirmedAccount("capable-author", Roles.RESIDENT);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée aux droits de chacun", "Une description assez longue pour être acceptée.", category, null, null)));
    }

    @Test
    void eachViewerSeesWhatTheyMayDo() {
        IdeaCapabilities visitor = anonymously(() -> ideas.detail(idea)).orElseThrow().can();
        assertThat(visitor.support()).isEqualTo(Participation.SIGN_IN);
        assertThat(visitor.comment()).isEqualTo(Participation.SIGN_IN);
        assertThat(visitor.follow() || visitor.flag() || visitor.edit() || visitor.answer()).isFalse();

        IdeaCapabilities mine = as(author, () -> ideas.detail(idea)).orElseThrow().can();
        assertThat(mine.edit()).as("within the edit window").isTrue();
        assertThat(mine.withdraw()).isTrue();
        assertThat(mine.flag()).as("one does not flag one's own idea").isFalse();

        IdeaCapabilities neighbour = as(data.confirmedAccount("capable-neighbour", Roles.RESIDENT), () -> ideas.detail(idea)).orElseThrow().can();
        assertThat(neighbour.support()).isEqualTo(Participation.ALLOWED);
        assertThat(neighbour.flag() && neighbour.follow()).isTrue();
        assertThat(neighbour.edit() || neighbour.withdraw() || neighbour.answer() || neighbour.moderate()).isFalse();

        IdeaCapabilities official = as(data.confirmedAccount("capable-official", Roles.OFFICIAL), () -> ideas.detail(idea)).orElseThrow().can();
        assertThat(official.answer() && official.moderate() && official.follow()).isTrue();
        assertThat(official.support()).isEqualTo(Participation.READ_ONLY);
        assertThat(official.approve()).as("already published").isFalse();
    }

    @Test
    void aWithdrawnIdeaIsClosedToSupportsCommentsAndAnswers() {
        as(author, () -> ideas.withdraw(idea));
        IdeaCapabilities official = as(data.confirmedAccount("capable-late", Roles.OFFICIAL, Roles.RESIDENT), () -> ideas.detail(idea)).orElseThrow().can();
        assertThat(official.support()).isEqualTo(Participation.CLOSED);
        assertThat(official.comment()).isEqualTo(Participation.CLOSED);
        assertThat(official.answer()).isFalse();
        assertThat(as(author, () -> ideas.detail(idea)).orElseThrow().can().withdraw()).isFalse();
    }
}
