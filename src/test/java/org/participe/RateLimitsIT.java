package org.participe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.accounts.AccountService;
import org.participe.accounts.Registration;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.TownService;
import static org.participe.test.Security.as;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Rate limits on signing up and posting, with low limits in a context of their own. */
@SpringBootTest(properties = {"participe.accounts.signups-per-address-per-hour=3", "participe.ideas.per-day=2",
        "participe.comments.per-hour=3"})
class RateLimitsIT {

    @Autowired AccountService accounts;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired TownService town;
    @Autowired TestData data;

    @BeforeEach
    void activate() {
        data.ensureTown();
    }

    @Test
    void signUpsFromOneAddressAreLimitedPerHourWhileOtherAddressesGoOn() {
        for (int i = 0; i < 3; i++) {
            register("192.0.2.10");
        }
        assertThatThrownBy(() -> register("192.0.2.10")).isInstanceOf(TooManyRequestsException.class);
        register("192.0.2.11");
    }

    @Test
    void aResidentPostsOnlySoManyIdeasADayAndCommentsAnHour() {
        ParticipeUser resident = data.confirmedAccount("busy", Roles.RESIDENT);
        long category = anonymously(() -> town.activeCategories()).getFirst().id();
        IdeaDraft draft = new IdeaDraft("Une idée parmi beaucoup d’autres", "Une description assez longue pour être acceptée.", category, null, null);
        long first = as(resident, () -> ideas.propose(draft));
        as(resident, () -> ideas.propose(draft));
        assertThatThrownBy(() -> as(resident, () -> ideas.propose(draft))).isInstanceOf(TooManyRequestsException.class);
        assertThat(data.confirmedAccount("calm", Roles.RESIDENT)).satisfies(other -> as(other, () -> ideas.propose(draft)));

        for (int i = 0; i < 3; i++) {
            as(resident, () -> comments.post(ContentKey.idea(first), null, "Encore un commentaire"));
        }
        assertThatThrownBy(() -> as(resident, () -> comments.post(ContentKey.idea(first), null, "Un de trop"))).isInstanceOf(TooManyRequestsException.class);
    }

    private void register(String address) {
        anonymously(() -> accounts.register(new Registration(TestData.uniqueEmail("burst"), "Burst Test", TestData.PASSWORD,
                null, null, null, true, Locale.FRENCH), address));
    }
}
