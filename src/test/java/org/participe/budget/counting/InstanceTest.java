package org.participe.budget.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.budget.counting.Instances.ballot;
import static org.participe.budget.counting.Instances.project;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.participe.budget.counting.InvalidInstanceException.Problem;

class InstanceTest {

    @Test
    void refusesABallotForAProjectNotInTheEnvelope() {
        assertThatThrownBy(() -> new Instance(List.of(project("a", 100)), 100, List.of(ballot("a", "z"))))
                .isInstanceOfSatisfying(InvalidInstanceException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_PROJECT);
                    assertThat(e.subject()).isEqualTo("z");
                });
    }

    @Test
    void refusesACostThatIsNotPositive() {
        assertThatThrownBy(() -> project("a", 0)).isInstanceOfSatisfying(InvalidInstanceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.COST_NOT_POSITIVE));
        assertThatThrownBy(() -> project("a", -5)).isInstanceOfSatisfying(InvalidInstanceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.COST_NOT_POSITIVE));
    }

    @Test
    void refusesANegativeBudget() {
        assertThatThrownBy(() -> new Instance(List.of(project("a", 100)), -1, List.of()))
                .isInstanceOfSatisfying(InvalidInstanceException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.BUDGET_NEGATIVE));
    }

    @Test
    void refusesTwoProjectsWithTheSameId() {
        assertThatThrownBy(() -> new Instance(List.of(project("a", 100), project("a", 200)), 100, List.of()))
                .isInstanceOfSatisfying(InvalidInstanceException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_PROJECT_ID);
                    assertThat(e.subject()).isEqualTo("a");
                });
    }

    @Test
    void refusesAProjectWithoutId() {
        assertThatThrownBy(() -> project(" ", 100)).isInstanceOfSatisfying(InvalidInstanceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.BLANK_PROJECT_ID));
    }

    @Test
    void countsVotesPerProject() {
        Instance instance = new Instance(List.of(project("a", 100), project("b", 100)), 100,
                List.of(ballot("a", "b"), ballot("a"), ballot()));
        assertThat(instance.votes()).containsEntry("a", 2L).containsEntry("b", 1L);
    }
}
