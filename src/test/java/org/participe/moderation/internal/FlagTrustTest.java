package org.participe.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.participe.town.FlagRules;

class FlagTrustTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final List<String> asked = new ArrayList<>();

    private Optional<Instant> created(long daysAgo) {
        asked.add("age");
        return Optional.of(NOW.minus(Duration.ofDays(daysAgo)).minusSeconds(60));
    }

    private LongSupplier contributions(String kind, long count) {
        return () -> {
            asked.add(kind);
            return count;
        };
    }

    @Test
    void whenEveryAccountIsTrustedNothingIsLookedUp() {
        assertThat(FlagTrust.trusted(new FlagRules(0, 0, 50), () -> created(0), NOW, List.of(contributions("ideas", 0)))).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void anAccountOldEnoughIsTrustedWithoutCountingItsContributions() {
        assertThat(FlagTrust.trusted(new FlagRules(7, 1, 50), () -> created(7), NOW, List.of(contributions("ideas", 0)))).isTrue();
        assertThat(asked).containsExactly("age");
    }

    @Test
    void aFreshAccountIsTrustedOnceItTookPartEnoughCountingKindByKindNoFurtherThanNeeded() {
        FlagRules rules = new FlagRules(7, 2, 50);
        assertThat(FlagTrust.trusted(rules, () -> created(6), NOW, List.of(contributions("ideas", 1), contributions("comments", 1),
                contributions("opinions", 5)))).isTrue();
        assertThat(asked).containsExactly("age", "ideas", "comments");
    }

    @Test
    void aFreshAccountThatTookNoPartIsNotTrusted() {
        assertThat(FlagTrust.trusted(new FlagRules(7, 1, 50), () -> created(6), NOW, List.of(contributions("ideas", 0)))).isFalse();
        assertThat(FlagTrust.trusted(new FlagRules(7, 1, 50), Optional::empty, NOW, List.of())).as("an unknown creation date").isFalse();
    }

    @Test
    void withoutAParticipationPathOnlyAgeCounts() {
        assertThat(FlagTrust.trusted(new FlagRules(7, 0, 50), () -> created(1), NOW, List.of(contributions("ideas", 100)))).isFalse();
    }
}
