package org.participe.reporting.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.participe.comments.CommentActivityChange;
import org.participe.ideas.IdeaActivityChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts again the rollup rows that a batch of journal rows touched, with the function
 * {@code reporting_fold} of V28__reporting_journal_fold.sql: one statement for the whole batch, its
 * changes passed as arrays. The caller holds the fold's advisory lock ({@link #tryLock()} or
 * {@link #lock()}) in the same transaction.
 */
@Component
public class FoldStore {

    private final JdbcClient jdbc;

    FoldStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the fold's lock until the transaction ends, when no other transaction holds it. */
    public boolean tryLock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(reporting_fold_key())").query(Boolean.class).single());
    }

    /** Takes the fold's lock until the transaction ends, waiting for the transaction that holds it. */
    public void lock() {
        jdbc.sql("select pg_advisory_xact_lock(reporting_fold_key())").query().singleValue();
    }

    public void recount(List<IdeaActivityChange> ideaChanges, List<CommentActivityChange> commentChanges) {
        Cells at = new Cells();
        Cells who = new Cells();
        List<Long> placeCategory = new ArrayList<>();
        List<Long> placeNeighbourhood = new ArrayList<>();
        for (IdeaActivityChange change : ideaChanges) {
            switch (change.kind()) {
                case SUPPORT -> {
                    if (change.categoryId() != null) {
                        at.add(change.happenedAt(), change.categoryId(), change.neighbourhoodId());
                        who.add(change.accountId(), change.categoryId(), change.neighbourhoodId());
                    }
                }
                case IDEA -> {
                    if (change.moved() || change.deleted()) {
                        // Its supports and comments leave the old place: both places are counted whole.
                        if (change.oldCategoryId() != null) {
                            placeCategory.add(change.oldCategoryId());
                            placeNeighbourhood.add(change.oldNeighbourhoodId());
                        }
                        if (change.categoryId() != null) {
                            placeCategory.add(change.categoryId());
                            placeNeighbourhood.add(change.neighbourhoodId());
                        }
                    } else {
                        if (change.oldCategoryId() != null) {
                            at.add(change.oldPublishedAt(), change.oldCategoryId(), change.oldNeighbourhoodId());
                            who.add(change.accountId(), change.oldCategoryId(), change.oldNeighbourhoodId());
                        }
                        if (change.categoryId() != null) {
                            at.add(change.publishedAt(), change.categoryId(), change.neighbourhoodId());
                            who.add(change.accountId(), change.categoryId(), change.neighbourhoodId());
                        }
                    }
                }
            }
        }
        List<Long> commentIdea = new ArrayList<>();
        List<Long> commentAuthor = new ArrayList<>();
        List<String> commentAt = new ArrayList<>();
        for (CommentActivityChange change : commentChanges) {
            if ("IDEA".equals(change.targetType())) {
                commentIdea.add(change.targetId());
                commentAuthor.add(change.authorId());
                commentAt.add(change.createdAt().toString());
            }
        }
        jdbc.sql("""
                        select reporting_fold(?::text[]::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                                              ?::bigint[], ?::bigint[], ?::text[]::timestamptz[], ?::bigint[], ?::bigint[])""")
                .params(at.moments(), at.categories(), at.neighbourhoods(), who.ids(), who.categories(), who.neighbourhoods(),
                        commentIdea.toArray(Long[]::new), commentAuthor.toArray(Long[]::new), commentAt.toArray(String[]::new),
                        placeCategory.toArray(Long[]::new), placeNeighbourhood.toArray(Long[]::new))
                .query().singleValue();
    }

    /** Parallel arrays: a moment or a person, in a category and a neighbourhood (null: the whole town). */
    private static final class Cells {
        private final List<Object> keys = new ArrayList<>();
        private final List<Long> categories = new ArrayList<>();
        private final List<Long> neighbourhoods = new ArrayList<>();

        void add(Object key, long category, Long neighbourhood) {
            if (key != null) {
                keys.add(key);
                categories.add(category);
                neighbourhoods.add(neighbourhood);
            }
        }

        String[] moments() {
            return keys.stream().map(key -> ((Instant) key).toString()).toArray(String[]::new);
        }

        Long[] ids() {
            return keys.stream().map(key -> (Long) key).toArray(Long[]::new);
        }

        Long[] categories() {
            return categories.toArray(Long[]::new);
        }

        Long[] neighbourhoods() {
            return neighbourhoods.toArray(Long[]::new);
        }
    }
}
