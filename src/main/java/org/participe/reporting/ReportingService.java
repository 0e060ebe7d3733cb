package org.participe.reporting;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TypedText;
import org.participe.reporting.internal.ActivityFigureStore;
import org.participe.reporting.internal.ExportStore;
import org.participe.reporting.internal.FollowUpFigureStore;
import org.participe.reporting.internal.RepresentationStore;
import org.participe.security.CurrentUser;
import org.participe.security.Roles;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Participation figures, computed in SQL from one definition per {@link Metric}: the staff
 * dashboard, its exports and the public figures page all read them here, so they never disagree.
 * Counts are of public actions only (published ideas, visible comments) and never name anyone.
 * Ideas, supports and comments are summed from {@code activity_daily} (see V5__reporting.sql);
 * distinct participants are counted from each person's days of participation
 * (V6__participant_days.sql). Both rollups follow the journals of ideas and comments
 * ({@link ActivityFold}, V28__reporting_journal_fold.sql): the entry points that read them fold
 * first, in a transaction of their own, then read in a read-only one. Everything else is
 * read from the views the owning modules publish for reporting (V20 to V24: {@code idea_report}, {@code idea_count_report},
 * {@code support_report}, {@code comment_report}, {@code flag_report}, {@code moderation_report},
 * {@code account_demographics}, {@code category_public}, {@code neighbourhood_public}), never from
 * their tables; PostgreSQL inlines the views, so the plans are those of the tables. The statements
 * live in the stores of {@code reporting.internal}; this class keeps who may ask, the periods and
 * filters, the hiding of small groups and the assembling of the results.
 */
@Service
@Transactional(readOnly = true)
public class ReportingService {

    static final String STAFF = "hasAnyRole('" + Roles.STAFF + "', '" + Roles.ADMIN + "')";

    private final ActivityFigureStore activity;
    private final FollowUpFigureStore followUp;
    private final RepresentationStore representation;
    private final ExportStore exports;
    private final CurrentUser currentUser;
    private final ActivityFold fold;
    private final TransactionTemplate readOnly;

    ReportingService(ActivityFigureStore activity, FollowUpFigureStore followUp, RepresentationStore representation, ExportStore exports,
                     CurrentUser currentUser, ActivityFold fold, PlatformTransactionManager transactionManager) {
        this.activity = activity;
        this.followUp = followUp;
        this.representation = representation;
        this.exports = exports;
        this.currentUser = currentUser;
        this.fold = fold;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * For staff and administrators: folds the journals into the rollups (its own transaction: this
     * one only reads), then reads in one read-only transaction, so that their figures include every
     * action committed before the call. Residents and visitors read what the job has folded (it runs
     * every second): a public page never waits for a fold nor does one, so that a crowd on the
     * figures page during a vote adds no work and no lock to the writes.
     */
    private <T> T afterFold(Supplier<T> read) {
        if (currentUser.hasRole(Roles.STAFF) || currentUser.hasRole(Roles.ADMIN)) {
            fold.catchUp();
        }
        return readOnly.execute(status -> read.get());
    }

    // Figures -----------------------------------------------------------------------------------

    /** Every figure of the catalogue for the period, with the previous period's. */
    @PreAuthorize(STAFF)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<MetricValue> figures(ReportPeriod period, ReportFilter filter) {
        return afterFold(() -> figuresFolded(period, filter));
    }

    private List<MetricValue> figuresFolded(ReportPeriod period, ReportFilter filter) {
        Map<Metric, Double> now = compute(period, filter);
        Map<Metric, Double> before = compute(period.previous(), filter);
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            values.add(new MetricValue(metric, now.get(metric), before.get(metric)));
        }
        return values;
    }

    /** The figures residents see, for the whole town: the same definitions, without moderation volumes. */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<MetricValue> publicFigures(ReportPeriod period) {
        return afterFold(() -> publicFiguresFolded(period));
    }

    private List<MetricValue> publicFiguresFolded(ReportPeriod period) {
        Map<Metric, Double> now = compute(period, ReportFilter.none());
        Map<Metric, Double> before = compute(period.previous(), ReportFilter.none());
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric.shownToThePublic()) {
                values.add(new MetricValue(metric, now.get(metric), before.get(metric)));
            }
        }
        return values;
    }

    /** One statement computes the whole catalogue for one period. */
    private Map<Metric, Double> compute(ReportPeriod period, ReportFilter filter) {
        return activity.catalogue(period, filter);
    }

    // Representativeness ------------------------------------------------------------------------

    /** Groups of fewer participants than this are never shown: nobody can be singled out. */
    public static final int SMALLEST_GROUP = 5;
    public static final List<String> AGE_BANDS = List.of("16-24", "25-39", "40-54", "55-64", "65-74", "75+");
    public static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER");

    /**
     * The period's participants by neighbourhood, age band and sex (only what they chose to declare),
     * each group beside its share of the town's reference population. Ages are counted in the year
     * the period ends.
     */
    @PreAuthorize(STAFF)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<Representation> representativeness(ReportPeriod period, ReportFilter filter) {
        return afterFold(() -> representativenessFolded(period, filter));
    }

    private List<Representation> representativenessFolded(ReportPeriod period, ReportFilter filter) {
        Map<String, Integer> counts = representation.participantsPerGroup(period, filter, period.last().getYear());
        ReferencePopulation reference = referencePopulation();
        Map<String, String> neighbourhoods = representation.activeNeighbourhoods();
        List<Representation> rows = new ArrayList<>();
        rows.addAll(dimension(Representation.Dimension.NEIGHBOURHOOD, neighbourhoods, counts, reference));
        Map<String, String> bands = new LinkedHashMap<>();
        AGE_BANDS.forEach(band -> bands.put(band, band));
        rows.addAll(dimension(Representation.Dimension.AGE_BAND, bands, counts, reference));
        Map<String, String> sexes = new LinkedHashMap<>();
        SEXES.forEach(sex -> sexes.put(sex, sex));
        rows.addAll(dimension(Representation.Dimension.SEX, sexes, counts, reference));
        return rows;
    }

    private static List<Representation> dimension(Representation.Dimension dimension, Map<String, String> groups, Map<String, Integer> counts,
                                                  ReferencePopulation reference) {
        // Shares are taken among the groups shown only: a share computed over everyone would let the
        // hidden groups' size be worked out from the others.
        ToIntFunction<String> count = key -> counts.getOrDefault(dimension.name() + ":" + key, 0);
        List<String> shown = groups.keySet().stream().filter(key -> count.applyAsInt(key) >= SMALLEST_GROUP).toList();
        int declared = shown.stream().mapToInt(count).sum();
        int population = shown.stream().mapToInt(key -> reference.populations().getOrDefault(ReferencePopulation.key(dimension, key), 0)).sum();
        List<Representation> rows = new ArrayList<>();
        groups.forEach((key, label) -> {
            Integer people = reference.populations().get(ReferencePopulation.key(dimension, key));
            if (!shown.contains(key)) {
                rows.add(new Representation(dimension, key, label, null, null, null, null));
            } else {
                Double referenceShare = people == null || population == 0 ? null : 100.0 * people / population;
                double share = 100.0 * count.applyAsInt(key) / declared;
                rows.add(new Representation(dimension, key, label, count.applyAsInt(key), share, referenceShare,
                        referenceShare == null ? null : share - referenceShare));
            }
        });
        return rows;
    }

    /** The reference population and its source (empty until an administrator enters it). */
    @PreAuthorize(STAFF)
    public ReferencePopulation referencePopulation() {
        Map<String, Integer> populations = representation.populations();
        return representation.source()
                .map(source -> new ReferencePopulation(source.source(), Map.copyOf(populations), source.version()))
                .orElse(new ReferencePopulation("", Map.copyOf(populations), -1));
    }

    /** An administrator replaces the reference population, all groups at once, guarded by its version. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public void saveReferencePopulation(String source, Map<String, Integer> populations, long version) {
        long adminId = currentUser.require().accountId();
        String cleanSource = source == null ? "" : source.strip();
        var errors = new InvalidInputException.Collector();
        if (cleanSource.isEmpty() || TypedText.length(cleanSource) > 300) {
            errors.reject("source", "validation.length", 1, 300);
        } else {
            TypedText.check("source", cleanSource, errors);
        }
        populations.forEach((key, people) -> {
            if (people != null && (people < 0 || people > 10_000_000)) {
                errors.reject(key, "validation.range", 0, 10_000_000);
            }
            if (!key.matches("(NEIGHBOURHOOD|AGE_BAND|SEX):[A-Za-z0-9+-]{1,40}")) {
                errors.reject(key, "reports.reference.unknown");
            }
        });
        errors.throwIfAny();
        boolean saved = version < 0
                ? representation.insertSource(cleanSource, adminId)
                : representation.updateSource(cleanSource, adminId, version);
        if (!saved) {
            throw new OptimisticLockingFailureException("The reference population changed since it was read");
        }
        representation.replacePopulations(populations);
    }

    // Charts ------------------------------------------------------------------------------------

    /** Activity per week of the period (Monday to Sunday, Paris time), every week listed even when empty. */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<WeekActivity> weeklyActivity(ReportPeriod period, ReportFilter filter) {
        return afterFold(() -> activity.weekly(period, filter));
    }

    /** Ideas, supports and comments of the period per neighbourhood ("" for ideas about the whole town). */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<GroupFigures> byNeighbourhood(ReportPeriod period, ReportFilter filter) {
        return afterFold(() -> activity.byNeighbourhood(period, filter));
    }

    /** Ideas, supports and comments of the period per category (French name; views translate with the category list). */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<GroupFigures> byCategory(ReportPeriod period, ReportFilter filter) {
        return afterFold(() -> activity.byCategory(period, filter));
    }

    /** Where the ideas published in the period stand now: ideas per current status. */
    @PreAuthorize("permitAll()")
    public List<GroupFigures> statusFunnel(ReportPeriod period, ReportFilter filter) {
        return followUp.statusFunnel(period, filter);
    }

    /** How long answers given in the period took, in bands of days since publication. */
    @PreAuthorize("permitAll()")
    public List<GroupFigures> answerTimes(ReportPeriod period, ReportFilter filter) {
        long[] counts = followUp.answerTimes(period, filter);
        List<GroupFigures> bands = new ArrayList<>();
        for (int band = 0; band < ANSWER_BANDS.size(); band++) {
            bands.add(new GroupFigures(ANSWER_BANDS.get(band), ANSWER_BANDS.get(band), counts[band], 0, 0));
        }
        return bands;
    }

    /** The bands of days from publication to answer, in order; the last is open-ended. */
    static final List<String> ANSWER_BANDS = List.of("0-7", "8-14", "15-30", "31-60", "61+");

    // Exports -----------------------------------------------------------------------------------

    /**
     * Writes an export of the period as CSV or XLSX. Rows are read from the database in batches
     * (fetch size {@value #FETCH_SIZE}, inside this read-only transaction) and written one by one:
     * memory stays constant whatever the number of rows. Column names come from {@code translate}.
     */
    @PreAuthorize(STAFF)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void export(ExportKind kind, ExportFormat format, ReportPeriod period, ReportFilter filter,
                       Function<String, String> translate, OutputStream out) {
        // Only the figures are read from the rollups; the other exports read the owners' views, always current.
        Supplier<Object> write = () -> {
            exportFolded(kind, format, period, filter, translate, out);
            return null;
        };
        if (kind == ExportKind.FIGURES) {
            afterFold(write);
        } else {
            readOnly.execute(status -> write.get());
        }
    }

    private void exportFolded(ExportKind kind, ExportFormat format, ReportPeriod period, ReportFilter filter,
                              Function<String, String> translate, OutputStream out) {
        try (TableSink sink = TableSink.of(format, out, translate.apply("reports.export." + kind.name()))) {
            switch (kind) {
                case FIGURES -> {
                    sink.header(columns(translate, "reports.csv.", "metric", "value", "previous", "definition"));
                    for (MetricValue value : figuresFolded(period, filter)) {
                        sink.row(Arrays.asList(translate.apply(value.metric().nameKey()), cell(value.metric(), value.value()),
                                cell(value.metric(), value.previous()), translate.apply(value.metric().definitionKey())));
                    }
                }
                case IDEAS -> {
                    sink.header(columns(translate, "reports.csv.idea.", IDEA_COLUMNS.toArray(String[]::new)));
                    exports.ideas(period, filter, cells -> {
                        // The status in words, in the reader's language, as the headers are (not PUBLISHED, IN_PROGRESS).
                        cells.set(IDEA_COLUMNS.indexOf("status"), translate.apply("idea.status." + cells.get(IDEA_COLUMNS.indexOf("status"))));
                        sink.row(cells);
                    });
                }
                case SUPPORTS_PER_WEEK -> {
                    sink.header(columns(translate, "reports.csv.week.", "idea", "title", "week", "supports"));
                    exports.supportsPerWeek(period, filter, sink::row);
                }
                case COMMENTS -> {
                    sink.header(columns(translate, "reports.csv.comment.", "id", "idea", "title", "date", "reply", "text"));
                    exports.comments(period, filter, sink::row);
                }
            }
        }
    }

    /** Counts are whole numbers in the file too; percentages and days keep their decimals. */
    private static Object cell(Metric metric, Double value) {
        return value != null && metric.unit() == Metric.Unit.COUNT ? (Object) Math.round(value) : value;
    }

    static final int FETCH_SIZE = ExportStore.FETCH_SIZE;

    static final List<String> IDEA_COLUMNS = List.of("id", "title", "status", "category", "neighbourhood", "published", "supports",
            "comments", "due", "answered");

    private static List<String> columns(Function<String, String> translate, String prefix, String... names) {
        List<String> header = new ArrayList<>();
        for (String name : names) {
            header.add(translate.apply(prefix + name));
        }
        return header;
    }
}
