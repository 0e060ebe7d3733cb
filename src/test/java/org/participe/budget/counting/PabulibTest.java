package org.participe.budget.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.budget.counting.Instances.ballot;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PabulibTest {

    private static final PabulibMeta META = new PabulibMeta("Budget participatif 2026 - toute la ville", "France",
            "Villeparisis", "2026", PabulibMeta.RULE_EQUAL_SHARES, Map.of("language", "french"));

    private static String write(Instance instance, Set<String> selected) {
        StringWriter out = new StringWriter();
        Pabulib.write(instance, META, selected, out);
        return out.toString();
    }

    @Test
    void writesTheThreeSections() {
        Instance instance = new Instance(
                List.of(new Project("1", "Bancs; place \"du marché\"", 500_050), new Project("2", "Arbres", 1_000_000)),
                1_500_000, List.of(ballot("2", "1"), ballot("1"), ballot()));

        assertThat(write(instance, Set.of("1"))).isEqualTo("""
                META
                key;value
                description;Budget participatif 2026 - toute la ville
                country;France
                unit;Villeparisis
                instance;2026
                num_projects;2
                num_votes;3
                budget;15000
                vote_type;approval
                rule;equalshares
                language;french
                PROJECTS
                project_id;cost;votes;name;selected
                1;5000.50;2;"Bancs; place ""du marché""\";1
                2;10000;1;Arbres;0
                VOTES
                voter_id;vote
                1;
                2;1
                3;1,2
                """);
    }

    @Test
    void readsTheExampleOfEqualsharesNet() {
        // The .pb example of equalshares.net ("How to compute the results?"), line for line.
        String file = """
                META
                key;value
                description;Example election
                num_projects;3
                num_votes;4
                budget;100000
                vote_type;approval
                PROJECTS
                project_id;name;cost
                1;Project 1;5000
                2;Project 2;10000
                3;Project 3;85000
                VOTES
                voter_id;vote
                1;1,2
                2;1
                3;3
                4;1,2,3
                """;

        PabulibFile read = Pabulib.read(new StringReader(file));

        assertThat(read.meta()).containsEntry("vote_type", "approval").containsEntry("num_votes", "4");
        assertThat(read.instance().budget()).isEqualTo(10_000_000);
        assertThat(read.instance().projects()).containsExactly(new Project("1", "Project 1", 500_000),
                new Project("2", "Project 2", 1_000_000), new Project("3", "Project 3", 8_500_000));
        assertThat(read.instance().ballots()).containsExactly(Set.of("1", "2"), Set.of("1"), Set.of("3"),
                Set.of("1", "2", "3"));
        // Counted by hand in EqualSharesCountTest: Equal Shares with completion funds all three.
        assertThat(EqualSharesCount.count(read.instance()).winners()).containsExactly("1", "2", "3");
    }

    @Test
    void roundTripsRandomEnvelopes() {
        Random random = new Random(8);
        for (int i = 0; i < 200; i++) {
            Instance instance = Instances.random(random);
            Set<String> selected = Set.copyOf(GreedyCount.count(instance).winners());

            PabulibFile read = Pabulib.read(new StringReader(write(instance, selected)));

            assertThat(read.instance().projects()).isEqualTo(instance.projects());
            assertThat(read.instance().budget()).isEqualTo(instance.budget());
            assertThat(sorted(read.instance().ballots())).isEqualTo(sorted(instance.ballots()));
            assertThat(read.selected()).isEqualTo(selected);
            assertThat(read.meta()).containsEntry("rule", "equalshares")
                    .containsEntry("num_votes", Integer.toString(instance.ballots().size()));
            assertThat(GreedyCount.count(read.instance())).isEqualTo(GreedyCount.count(instance));
        }
    }

    @Test
    void refusesAFileWithoutBudget() {
        assertThatThrownBy(() -> Pabulib.read(new StringReader("META\nkey;value\nvote_type;approval\n")))
                .isInstanceOfSatisfying(InvalidInstanceException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidInstanceException.Problem.MALFORMED_FILE));
    }

    private static List<String> sorted(List<Set<String>> ballots) {
        List<String> keys = new ArrayList<>();
        for (Set<String> ballot : ballots) {
            keys.add(String.join(",", ballot.stream().sorted().toList()));
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }
}
