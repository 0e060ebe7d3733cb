package org.participe.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The inbox's items say what officials may do on them, as the service decides: the view only shows it. */
@SpringBootTest
class InboxCapabilitiesIT {

    @Autowired ModerationService moderation;
    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;

    @Test
    void eachTabsItemsCarryTheActionsOfficialsMayTakeOnThem() {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount("caps-author", Roles.RESIDENT);
        ParticipeUser flagger = data.confirmedAccount("caps-flagger", Roles.RESIDENT);
        ParticipeUser official = data.confirmedAccount("caps-official", Roles.OFFICIAL);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        ContentKey idea = ContentKey.idea(as(author, () -> ideas.propose(
                new IdeaDraft("Une idée dont la boîte dit quoi faire", "Une description assez longue pour être acceptée.", category, null, null))));
        as(flagger, () -> moderation.flag(idea, ModerationReason.SPAM, null));

        InboxItem flagged = find(official, InboxTab.FLAGGED, idea);
        assertThat(flagged.tab()).isEqualTo(InboxTab.FLAGGED);
        assertThat(flagged.actions()).containsExactly(InboxAction.DISMISS_FLAGS, InboxAction.HIDE, InboxAction.BLOCK_AUTHOR);
        assertThat(flagged.may(InboxAction.RESTORE)).isFalse();

        as(official, () -> moderation.hide(List.of(new ItemVersion(idea, flagged.version())), ModerationReason.OFF_TOPIC, null));
        InboxItem hidden = find(official, InboxTab.HIDDEN, idea);
        assertThat(hidden.actions()).containsExactly(InboxAction.RESTORE, InboxAction.BLOCK_AUTHOR);
    }

    private InboxItem find(ParticipeUser official, InboxTab tab, ContentKey ref) {
        return as(official, () -> moderation.inbox(tab, ref.kind(), 0, 10_000)).stream()
                .filter(item -> item.ref().equals(ref)).findFirst().orElseThrow();
    }
}
