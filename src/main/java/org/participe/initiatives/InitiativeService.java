package org.participe.initiatives;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.participe.base.PhotoProcessor;
import org.participe.base.TownZone;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TypedText;
import org.participe.ideas.IdeaService;
import org.participe.security.CurrentUser;
import org.participe.security.Roles;
import org.participe.town.TownService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The town's civic initiatives: staff write, publish and archive them, post dated updates and
 * link residents' ideas; everyone reads the published ones. Every save records who and when.
 */
@Service
@Transactional
public class InitiativeService {

    static final String STAFF = "hasRole('" + Roles.STAFF + "')";

    private final JdbcClient jdbc;
    private final TownService town;
    private final IdeaService ideas;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LocalePreference languages;

    InitiativeService(JdbcClient jdbc, TownService town, IdeaService ideas, CurrentUser currentUser,
                      ApplicationEventPublisher events, Clock clock, LocalePreference languages) {
        this.jdbc = jdbc;
        this.town = town;
        this.ideas = ideas;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.languages = languages;
    }

    // Reading ----------------------------------------------------------------------------------

    /** Published initiatives for everyone; staff also see drafts and archived ones. One statement a page. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<InitiativeCard> list(InitiativeFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        params.put("limit", Math.max(1, Math.min(limit, 100)));
        params.put("offset", Math.max(0, offset));
        return cards(where, params, " order by i.updated_at desc, i.id desc limit :limit offset :offset");
    }

    /** Cards for initiatives given by id (what a person follows), in that order, skipping those they may not see. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<InitiativeCard> cards(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(InitiativeFilter.all(), params) + " and i.id in (:ids)";
        params.put("ids", ids);
        Map<Long, InitiativeCard> byId = new HashMap<>();
        cards(where, params, "").forEach(card -> byId.put(card.id(), card));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private List<InitiativeCard> cards(String where, Map<String, Object> params, String orderAndLimit) {
        params.put("today", Date.valueOf(today()));
        return jdbc.sql("""
                        select i.id, i.title, i.summary, i.category_id, i.status, i.progress, i.published, i.updated_at, i.has_cover, i.cover_description, i.lang,
                               coalesce(cp.name, dp.name) as phase
                        from initiative i
                        left join initiative_phase cp on cp.id = i.current_phase_id
                        left join lateral (select p.name from initiative_phase p where p.initiative_id = i.id
                                           and p.starts_on <= :today and p.ends_on >= :today order by p.position limit 1) dp on true
                        where """ + " " + where + orderAndLimit)
                .params(params)
                .query((rs, n) -> new InitiativeCard(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                        rs.getLong("category_id"), InitiativeStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
                        rs.getBoolean("published"), rs.getBoolean("has_cover"), rs.getString("cover_description"), rs.getString("phase"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("lang")))
                .list();
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long count(InitiativeFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        return jdbc.sql("select count(*) from initiative i where " + where).params(params).query(Long.class).single();
    }

    private String where(InitiativeFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add(isStaff() ? "true" : "i.published and not i.archived");
        if (filter.status() != null) {
            conditions.add("i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.categoryId() != null) {
            conditions.add("i.category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.neighbourhoodId() != null) {
            conditions.add("exists (select 1 from initiative_neighbourhood n where n.initiative_id = i.id and n.neighbourhood_id = :neighbourhood)");
            params.put("neighbourhood", filter.neighbourhoodId());
        }
        return String.join(" and ", conditions);
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<InitiativeDetail> detail(long id) {
        boolean staff = isStaff();
        return jdbc.sql("""
                        select i.*, a.display_name as updated_by_name,
                               (select array_agg(neighbourhood_id) from initiative_neighbourhood where initiative_id = i.id) as places
                        from initiative i join account_public a on a.id = i.updated_by where i.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    List<Phase> phases = phases(rs.getLong("id"), (Long) rs.getObject("current_phase_id"));
                    Long current = (Long) rs.getObject("current_phase_id");
                    Integer currentPosition = phases.stream().filter(p -> p.when() == Phase.When.CURRENT).map(Phase::position).findFirst().orElse(null);
                    Set<Long> places = new HashSet<>();
                    java.sql.Array array = rs.getArray("places");
                    if (array != null) {
                        for (Object value : (Object[]) array.getArray()) {
                            places.add(((Number) value).longValue());
                        }
                    }
                    return new InitiativeDetail(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                            rs.getString("description"), rs.getLong("category_id"), places, (Long) rs.getObject("budget_euros"),
                            InitiativeStatus.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getString("contact_service"),
                            rs.getBoolean("published"), rs.getBoolean("archived"), rs.getBoolean("has_cover"), rs.getString("cover_description"), phases, currentPosition, current != null,
                            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                            rs.getString("updated_by_name"), rs.getLong("version"), rs.getString("lang"));
                })
                .optional()
                .filter(detail -> staff || (detail.published() && !detail.archived()));
    }

    private List<Phase> phases(long initiativeId, Long currentPhaseId) {
        LocalDate today = today();
        List<Phase> phases = jdbc.sql("select id, position, name, starts_on, ends_on, description from initiative_phase where initiative_id = ? order by position")
                .param(initiativeId)
                .query((rs, n) -> new Phase(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate(), rs.getString(6), Phase.When.FUTURE))
                .list();
        return CurrentPhase.mark(phases, currentPhaseId, today);
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<InitiativeUpdate> updates(long initiativeId) {
        if (detail(initiativeId).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id, u.title, u.body, a.display_name, u.published_at, u.has_image, u.image_description, u.lang from initiative_update u
                        join account_public a on a.id = u.author_id where u.initiative_id = ? order by u.published_at desc, u.id desc""")
                .param(initiativeId)
                .query((rs, n) -> new InitiativeUpdate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** The ids of the ideas that fed into an initiative. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Long> linkedIdeaIds(long initiativeId) {
        return ideas.idsLinkedTo(initiativeId);
    }

    // Writing (staff) --------------------------------------------------------------------------

    @PreAuthorize(STAFF)
    public long create(InitiativeDraft draft) {
        Clean clean = validate(draft);
        long actor = currentUser.require().accountId();
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into initiative (title, summary, description, category_id, budget_euros, status, progress, contact_service,
                                                created_by, created_at, updated_by, updated_at, lang)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(clean.draft().title(), clean.draft().summary(), clean.draft().description(), clean.draft().categoryId(),
                        clean.draft().budgetEuros(), clean.draft().status().name(), clean.draft().progress(), clean.draft().contactService(),
                        actor, now, actor, now, languages.writingLanguage())
                .query(Long.class).single();
        writeChildren(id, clean);
        audit(id, actor, "CREATED");
        return id;
    }

    @PreAuthorize(STAFF)
    public void update(long id, InitiativeDraft draft, long version) {
        Clean clean = validate(draft);
        long actor = currentUser.require().accountId();
        InitiativeDetail before = detail(id).orElseThrow(() -> InvalidInputException.of("initiative", "initiative.not-found"));
        int updated = jdbc.sql("""
                        update initiative set title = ?, summary = ?, description = ?, category_id = ?, budget_euros = ?, status = ?,
                               progress = ?, contact_service = ?, current_phase_id = null, updated_by = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(clean.draft().title(), clean.draft().summary(), clean.draft().description(), clean.draft().categoryId(),
                        clean.draft().budgetEuros(), clean.draft().status().name(), clean.draft().progress(), clean.draft().contactService(),
                        actor, Timestamp.from(clock.instant()), id, version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("The initiative changed since it was read");
        }
        jdbc.sql("delete from initiative_neighbourhood where initiative_id = ?").param(id).update();
        jdbc.sql("delete from initiative_phase where initiative_id = ?").param(id).update();
        writeChildren(id, clean);
        audit(id, actor, "UPDATED");
        InitiativeDetail after = detail(id).orElseThrow();
        String phaseBefore = currentPhaseName(before);
        String phaseAfter = currentPhaseName(after);
        if (after.published() && phaseAfter != null && !phaseAfter.equals(phaseBefore)) {
            events.publishEvent(new InitiativeEvents.InitiativePhaseChanged(id, after.title(), phaseAfter));
        }
    }

    @PreAuthorize(STAFF)
    public void publish(long id) {
        int changed = jdbc.sql("update initiative set published = true, archived = false, published_at = coalesce(published_at, ?), updated_by = ?, updated_at = ? where id = ? and not published")
                .params(Timestamp.from(clock.instant()), currentUser.require().accountId(), Timestamp.from(clock.instant()), id).update();
        if (changed == 1) {
            audit(id, currentUser.require().accountId(), "PUBLISHED");
            events.publishEvent(new InitiativeEvents.InitiativePublished(id));
        }
    }

    @PreAuthorize(STAFF)
    public void archive(long id, boolean archived) {
        jdbc.sql("update initiative set archived = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(archived, currentUser.require().accountId(), Timestamp.from(clock.instant()), id).update();
        audit(id, currentUser.require().accountId(), archived ? "ARCHIVED" : "UNARCHIVED");
    }

    /** Longest description of an image (its alternative text). */
    public static final int IMAGE_DESCRIPTION_MAX = 250;

    /** Posts a dated update without an image. */
    @PreAuthorize(STAFF)
    public long postUpdate(long initiativeId, String title, String body) {
        return postUpdate(initiativeId, title, body, null, null);
    }

    /**
     * Posts a dated update, with an optional image and, with an image, its description (required);
     * followers of a published initiative are told.
     */
    @PreAuthorize(STAFF)
    public long postUpdate(long initiativeId, String title, String body, byte[] image, String imageDescription) {
        var errors = new InvalidInputException.Collector();
        String cleanTitle = title == null ? "" : title.strip();
        String cleanBody = body == null ? "" : body.strip();
        if (TypedText.length(cleanTitle) < 5 || TypedText.length(cleanTitle) > 160) {
            errors.reject("updateTitle", "validation.length", 5, 160);
        } else {
            TypedText.check("updateTitle", cleanTitle, errors);
        }
        if (TypedText.length(cleanBody) < 10 || TypedText.length(cleanBody) > 10000) {
            errors.reject("updateBody", "validation.length", 10, 10000);
        } else {
            TypedText.check("updateBody", cleanBody, errors);
        }
        String description = image == null ? null : imageDescription("updateImageDescription", imageDescription, errors);
        errors.throwIfAny();
        PhotoProcessor.Processed processed = image == null ? null : PhotoProcessor.process(image);
        InitiativeDetail initiative = detail(initiativeId).orElseThrow(() -> InvalidInputException.of("initiative", "initiative.not-found"));
        long actor = currentUser.require().accountId();
        long id = jdbc.sql("""
                        insert into initiative_update (initiative_id, title, body, author_id, has_image, image_description, published_at, lang)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(initiativeId, cleanTitle, cleanBody, actor, processed != null, description, Timestamp.from(clock.instant()),
                        languages.writingLanguage())
                .query(Long.class).single();
        if (processed != null) {
            jdbc.sql("insert into initiative_update_image (update_id, content, thumbnail) values (?, ?, ?)")
                    .params(id, processed.photo(), processed.thumbnail()).update();
        }
        jdbc.sql("update initiative set updated_at = ? where id = ?").params(Timestamp.from(clock.instant()), initiativeId).update();
        audit(initiativeId, actor, "UPDATE_POSTED");
        if (initiative.published() && !initiative.archived()) {
            events.publishEvent(new InitiativeEvents.InitiativeUpdatePublished(initiativeId, id, initiative.title(), cleanTitle));
        }
        return id;
    }

    /**
     * Sets or replaces the cover image with its description (required); without a new image,
     * describes the cover already there.
     */
    @PreAuthorize(STAFF)
    public void changeCover(long initiativeId, byte[] image, String description) {
        var errors = new InvalidInputException.Collector();
        String cleanDescription = imageDescription("coverDescription", description, errors);
        InitiativeDetail initiative = detail(initiativeId).orElseThrow(() -> InvalidInputException.of("initiative", "initiative.not-found"));
        if (image == null && !initiative.hasCover()) {
            errors.reject("cover", "initiative.cover.missing");
        }
        errors.throwIfAny();
        if (image != null) {
            PhotoProcessor.Processed processed = PhotoProcessor.process(image);
            jdbc.sql("delete from initiative_cover where initiative_id = ?").param(initiativeId).update();
            jdbc.sql("insert into initiative_cover (initiative_id, content, thumbnail) values (?, ?, ?)")
                    .params(initiativeId, processed.photo(), processed.thumbnail()).update();
        }
        jdbc.sql("update initiative set has_cover = true, cover_description = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(cleanDescription, currentUser.require().accountId(), Timestamp.from(clock.instant()), initiativeId).update();
        audit(initiativeId, currentUser.require().accountId(), image != null ? "COVER_CHANGED" : "COVER_DESCRIBED");
    }

    /** An image's description, required, on one line: what it shows, for those who do not see it. */
    private static String imageDescription(String field, String description, InvalidInputException.Collector errors) {
        String clean = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            errors.reject(field, "initiative.image-description.required");
        } else if (TypedText.length(clean) > IMAGE_DESCRIPTION_MAX) {
            errors.reject(field, "validation.max-length", IMAGE_DESCRIPTION_MAX);
        } else {
            TypedText.check(field, clean, errors);
        }
        return clean;
    }

    /** The cover (or its thumbnail) of an initiative the viewer may see. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<byte[]> cover(long initiativeId, boolean thumbnail) {
        if (detail(initiativeId).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + (thumbnail ? "thumbnail" : "content") + " from initiative_cover where initiative_id = ?")
                .param(initiativeId).query(byte[].class).optional();
    }

    /** The image of an update, if its initiative is visible to the viewer. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<byte[]> updateImage(long updateId) {
        Optional<Long> initiative = jdbc.sql("select initiative_id from initiative_update where id = ?").param(updateId).query(Long.class).optional();
        if (initiative.isEmpty() || detail(initiative.get()).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select content from initiative_update_image where update_id = ?").param(updateId).query(byte[].class).optional();
    }

    /** Links an idea that fed into this initiative, optionally moving it to "in progress"; the link does not answer it. */
    @PreAuthorize(STAFF)
    public void linkIdea(long initiativeId, long ideaId, boolean moveToInProgress) {
        linkIdea(initiativeId, ideaId, moveToInProgress, null);
    }

    /**
     * Links an idea that fed into this initiative, optionally moving it to "in progress", and with
     * {@code answer} (else null) as the public answer the link gives it.
     */
    @PreAuthorize(STAFF)
    public void linkIdea(long initiativeId, long ideaId, boolean moveToInProgress, String answer) {
        detail(initiativeId).orElseThrow(() -> InvalidInputException.of("ideaId", "initiative.not-found"));
        ideas.linkToInitiative(ideaId, initiativeId, moveToInProgress, answer);
        audit(initiativeId, currentUser.require().accountId(), "IDEA_LINKED");
    }

    // Rules ------------------------------------------------------------------------------------

    private record Clean(InitiativeDraft draft) {
    }

    private Clean validate(InitiativeDraft draft) {
        var errors = new InvalidInputException.Collector();
        String title = strip(draft.title());
        if (TypedText.length(title) < 5 || TypedText.length(title) > 160) {
            errors.reject("title", "validation.length", 5, 160);
        } else {
            TypedText.check("title", title, errors);
        }
        String summary = strip(draft.summary());
        if (TypedText.length(summary) < 10 || TypedText.length(summary) > 400) {
            errors.reject("summary", "validation.length", 10, 400);
        } else {
            TypedText.check("summary", summary, errors);
        }
        String description = strip(draft.description());
        if (TypedText.length(description) < 20 || TypedText.length(description) > 20000) {
            errors.reject("description", "validation.length", 20, 20000);
        } else {
            TypedText.check("description", description, errors);
        }
        if (draft.categoryId() == null || town.activeCategories().stream().noneMatch(c -> c.id() == draft.categoryId())) {
            errors.reject("categoryId", "idea.category.required");
        }
        Set<Long> places = draft.neighbourhoodIds() == null ? Set.of() : draft.neighbourhoodIds();
        Set<Long> known = new HashSet<>();
        town.neighbourhoods().forEach(n -> known.add(n.id()));
        if (!known.containsAll(places)) {
            errors.reject("neighbourhoodIds", "signup.neighbourhood.unknown");
        }
        if (draft.budgetEuros() != null && (draft.budgetEuros() < 0 || draft.budgetEuros() > 1_000_000_000L)) {
            errors.reject("budgetEuros", "validation.range", 0, 1_000_000_000);
        }
        if (draft.status() == null) {
            errors.reject("status", "initiative.status.required");
        }
        int progress = draft.progress() == null ? 0 : draft.progress();
        if (progress < 0 || progress > 100) {
            errors.reject("progress", "validation.range", 0, 100);
        }
        List<PhaseDraft> phases = draft.phases() == null ? List.of() : draft.phases();
        for (int i = 0; i < phases.size(); i++) {
            PhaseDraft phase = phases.get(i);
            String name = strip(phase.name());
            if (TypedText.length(name) < 2 || TypedText.length(name) > 120 || phase.startsOn() == null || phase.endsOn() == null) {
                errors.reject("phases", "initiative.phase.incomplete", i + 1);
            } else if (phase.endsOn().isBefore(phase.startsOn())) {
                errors.reject("phases", "initiative.phase.dates", i + 1);
            } else if (TypedText.length(strip(phase.description())) > 2000) {
                errors.reject("phases", "validation.max-length", 2000);
            } else {
                TypedText.check("phases", name, errors);
                TypedText.check("phases", strip(phase.description()), errors);
            }
        }
        if (draft.currentPhase() != null && (draft.currentPhase() < 0 || draft.currentPhase() >= phases.size())) {
            errors.reject("currentPhase", "initiative.phase.current-invalid");
        }
        String contact = strip(draft.contactService());
        if (TypedText.length(contact) > 160) {
            errors.reject("contactService", "validation.max-length", 160);
        } else {
            TypedText.check("contactService", contact, errors);
        }
        errors.throwIfAny();
        return new Clean(new InitiativeDraft(title, summary, description, draft.categoryId(), places, draft.budgetEuros(), draft.status(),
                progress, contact, phases, draft.currentPhase()));
    }

    private void writeChildren(long id, Clean clean) {
        for (Long place : clean.draft().neighbourhoodIds()) {
            jdbc.sql("insert into initiative_neighbourhood (initiative_id, neighbourhood_id) values (?, ?)").params(id, place).update();
        }
        List<PhaseDraft> phases = clean.draft().phases();
        for (int i = 0; i < phases.size(); i++) {
            PhaseDraft phase = phases.get(i);
            long phaseId = jdbc.sql("insert into initiative_phase (initiative_id, position, name, starts_on, ends_on, description) values (?, ?, ?, ?, ?, ?) returning id")
                    .params(id, i, strip(phase.name()), Date.valueOf(phase.startsOn()), Date.valueOf(phase.endsOn()),
                            phase.description() == null ? "" : phase.description().strip())
                    .query(Long.class).single();
            if (clean.draft().currentPhase() != null && clean.draft().currentPhase() == i) {
                jdbc.sql("update initiative set current_phase_id = ? where id = ?").params(phaseId, id).update();
            }
        }
    }

    private static String currentPhaseName(InitiativeDetail detail) {
        return detail.phases().stream().filter(p -> p.when() == Phase.When.CURRENT).map(Phase::name).findFirst().orElse(null);
    }

    private void audit(long initiativeId, long actor, String action) {
        jdbc.sql("insert into initiative_change (initiative_id, actor_id, action, occurred_at) values (?, ?, ?, ?)")
                .params(initiativeId, actor, action, Timestamp.from(clock.instant())).update();
    }

    private boolean isStaff() {
        return currentUser.hasRole(Roles.STAFF);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TownZone.zone()));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

}
