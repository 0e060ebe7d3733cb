package org.participe.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class AnswerDeadlineTest {

    private static final Instant EXPECTED = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void theDefaultDueDateIsTheTownsNumberOfDaysAfterTheAnswerBecameExpected() {
        assertThat(AnswerDeadline.dueFrom(EXPECTED, 30)).isEqualTo(Instant.parse("2026-03-31T09:00:00Z"));
    }

    @Test
    void aChosenDueDateEndsWithThatDayInTheTown() {
        assertThat(AnswerDeadline.endOf(LocalDate.of(2026, 7, 14), ZoneId.of("Europe/Paris"))).isEqualTo(Instant.parse("2026-07-14T21:59:59Z"));
        assertThat(AnswerDeadline.endOf(LocalDate.of(2026, 1, 14), ZoneId.of("Europe/Paris"))).isEqualTo(Instant.parse("2026-01-14T22:59:59Z"));
    }

    @Test
    void onlyADayBeforeTodayIsPast() {
        LocalDate today = LocalDate.of(2026, 5, 1);
        assertThat(AnswerDeadline.past(today.minusDays(1), today)).isTrue();
        assertThat(AnswerDeadline.past(today, today)).isFalse();
    }

    @Test
    void anUnansweredItemIsOverdueOnceItsDueDateHasPassed() {
        Instant due = Instant.parse("2026-03-31T09:00:00Z");
        assertThat(AnswerDeadline.overdue(due, null, due)).isFalse();
        assertThat(AnswerDeadline.overdue(due, null, due.plusSeconds(1))).isTrue();
        assertThat(AnswerDeadline.overdue(due, due.plusSeconds(60), due.plusSeconds(120))).as("answered, even late").isFalse();
        assertThat(AnswerDeadline.overdue(null, null, due)).as("no due date: nothing to be late for").isFalse();
    }

    @Test
    void anAnswerIsOnTimeUpToItsDueDate() {
        Instant due = Instant.parse("2026-03-31T09:00:00Z");
        assertThat(AnswerDeadline.onTime(due, due)).isTrue();
        assertThat(AnswerDeadline.onTime(due, due.plusSeconds(1))).isFalse();
        assertThat(AnswerDeadline.onTime(due, null)).isNull();
        assertThat(AnswerDeadline.onTime(null, due)).isNull();
    }
}
