package org.participe.initiatives;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.participe.base.PhotoProcessor;
import org.participe.base.TownZone;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TypedText;
import org.participe.ideas.IdeaService;
import org.participe.initiatives.internal.InitiativeCardStore;
import org.participe.initiatives.internal.InitiativeChangeStore;
import org.participe.initiatives.internal.InitiativeCoverStore;
import org.participe.initiatives.internal.InitiativeRecord;
import org.participe.initiatives.internal.InitiativeStore;
import org.participe.initiatives.internal.InitiativeUpdateStore;
import org.participe.initiatives.internal.PhaseStore;
import org.participe.security.CurrentUser;
import org.participe.security.Roles;
import org.participe.town.TownService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The town's civic initiatives: staff write, publish and archive them, post dated updates and
 * link residents' ideas; everyone reads the published ones. Every save records who and when.
 * Each public method is a use case: it checks who acts and the rules, then asks the stores of
 * {@code internal} (one per table) to read or write.
 */
@Service
@Transactional
public class InitiativeService {

    static final String STAFF = "hasRole('" + Roles.STAFF + "')";

    private final InitiativeStore initiatives;
    private final InitiativeCardStore cards;
    private final PhaseStore phases;
    private final InitiativeUpdateStore updates;
    private final InitiativeCoverStore covers;
    private final InitiativeChangeStore changes;
    private final TownService town;
    private final IdeaService ideas;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LocalePreference languages;

    InitiativeService(InitiativeStore initiatives, InitiativeCardStore cards, PhaseStore phases, InitiativeUpdateStore updates,
                      InitiativeCoverStore covers, InitiativeChangeStore changes, TownService town, IdeaService ideas, CurrentUser currentUser,
                      ApplicationEventPublisher events, Clock clock, LocalePreference languages) {
        this.initiatives = initiatives;
        this.cards = cards;
        this.phases = phases;
        this.updates = updates;
        this.covers = covers;
        this.changes = changes;
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
        return cards.list(filter, publicOnly(), today(), Math.max(0, offset), Math.max(1, Math.min(limit, 100)));
    }

    /** Cards for initiatives given by id (what a person follows), in that order, skipping those they may not see. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<InitiativeCard> cards(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, InitiativeCard> byId = new HashMap<>();
        cards.byIds(ids, publicOnly(), today()).forEach(card -> byId.put(card.id(), card));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long count(InitiativeFilter filter) {
        return cards.count(filter, publicOnly());
    }

    /** Whether the current person may write a new initiative (the list offers it then). */
    @PreAuthorize("permitAll()")
    public boolean mayCreate() {
        return InitiativePermissions.mayCreate(roles());
    }

    /** An initiative the viewer may see, its phases marked past, current or future, with what the viewer may do there. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<InitiativeDetail> detail(long id) {
        Set<String> roles = roles();
        return initiatives.find(id)
                .filter(found -> InitiativePermissions.seesUnpublished(roles) || (found.published() && !found.archived()))
                .map(found -> detail(found, roles));
    }

    private InitiativeDetail detail(InitiativeRecord found, Set<String> roles) {
        List<Phase> marked = CurrentPhase.mark(phases.of(found.id()), found.currentPhaseId(), today());
        Integer currentPosition = marked.stream().filter(p -> p.when() == Phase.When.CURRENT).map(Phase::position).findFirst().orElse(null);
        return new InitiativeDetail(found.id(), found.title(), found.summary(), found.description(), found.categoryId(),
                found.neighbourhoodIds(), found.budgetEuros(), found.status(), found.progress(), found.contactService(),
                found.published(), found.archived(), found.hasCover(), found.coverDescription(), marked, currentPosition,
                found.currentPhaseId() != null, found.createdAt(), found.updatedAt(), found.updatedByName(), found.version(), found.lang(),
                InitiativePermissions.of(currentUser.get().isPresent(), roles, found.published()));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<InitiativeUpdate> updates(long initiativeId) {
        if (detail(initiativeId).isEmpty()) {
            return List.of();
        }
        return updates.of(initiativeId);
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
        long id = initiatives.insert(clean.draft(), actor, clock.instant(), languages.writingLanguage());
        writeChildren(id, clean);
        audit(id, actor, "CREATED");
        return id;
    }

    /**
     * Creates and publishes the initiative that continues a winning project of the citizens' budget,
     * remembering the project (its page links back to it). The caller (the budget module) makes sure a
     * project is turned once; the database refuses a second initiative for the same project.
     */
    @PreAuthorize(STAFF)
    public long createFromBudget(InitiativeDraft draft, BudgetOrigin origin) {
        long id = create(draft);
        initiatives.setBudgetOrigin(id, origin);
        publish(id);
        return id;
    }

    /** The budget project an initiative the viewer may see continues, if any. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<BudgetOrigin> budgetOrigin(long initiativeId) {
        return detail(initiativeId).isEmpty() ? Optional.empty() : initiatives.budgetOrigin(initiativeId);
    }

    @PreAuthorize(STAFF)
    public void update(long id, InitiativeDraft draft, long version) {
        Clean clean = validate(draft);
        long actor = currentUser.require().accountId();
        InitiativeDetail before = detail(id).orElseThrow(() -> InvalidInputException.of("initiative", "initiative.not-found"));
        if (!initiatives.rewrite(id, version, clean.draft(), actor, clock.instant())) {
            throw new OptimisticLockingFailureException("The initiative changed since it was read");
        }
        initiatives.removeNeighbourhoods(id);
        phases.removeAll(id);
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
        if (initiatives.publish(id, currentUser.require().accountId(), clock.instant())) {
            audit(id, currentUser.require().accountId(), "PUBLISHED");
        }
    }

    @PreAuthorize(STAFF)
    public void archive(long id, boolean archived) {
        initiatives.setArchived(id, archived, currentUser.require().accountId(), clock.instant());
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
        long id = updates.add(initiativeId, cleanTitle, cleanBody, actor, processed != null, description, clock.instant(),
                languages.writingLanguage());
        if (processed != null) {
            updates.saveImage(id, processed);
        }
        initiatives.touch(initiativeId, clock.instant());
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
            covers.replace(initiativeId, processed);
        }
        initiatives.describeCover(initiativeId, cleanDescription, currentUser.require().accountId(), clock.instant());
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
        return covers.read(initiativeId, thumbnail);
    }

    /** The image of an update, if its initiative is visible to the viewer. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<byte[]> updateImage(long updateId) {
        Optional<Long> initiative = updates.initiativeOf(updateId);
        if (initiative.isEmpty() || detail(initiative.get()).isEmpty()) {
            return Optional.empty();
        }
        return updates.image(updateId);
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
            initiatives.addNeighbourhood(id, place);
        }
        List<PhaseDraft> drafts = clean.draft().phases();
        for (int i = 0; i < drafts.size(); i++) {
            PhaseDraft phase = drafts.get(i);
            long phaseId = phases.add(id, i, strip(phase.name()), phase.startsOn(), phase.endsOn(),
                    phase.description() == null ? "" : phase.description().strip());
            if (clean.draft().currentPhase() != null && clean.draft().currentPhase() == i) {
                initiatives.setCurrentPhase(id, phaseId);
            }
        }
    }

    private static String currentPhaseName(InitiativeDetail detail) {
        return detail.phases().stream().filter(p -> p.when() == Phase.When.CURRENT).map(Phase::name).findFirst().orElse(null);
    }

    private void audit(long initiativeId, long actor, String action) {
        changes.add(initiativeId, actor, action, clock.instant());
    }

    /** Whether lists keep to the published initiatives not archived, as they do for all but staff. */
    private boolean publicOnly() {
        return !InitiativePermissions.seesUnpublished(roles());
    }

    /** The current person's roles now (none for a visitor), as the rules of {@link InitiativePermissions} read them. */
    private Set<String> roles() {
        return Stream.of(Roles.RESIDENT, Roles.OFFICIAL, Roles.STAFF, Roles.ADMIN, Roles.BLOCKED, Roles.UNCONFIRMED)
                .filter(currentUser::hasRole).collect(Collectors.toUnmodifiableSet());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TownZone.zone()));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

}
