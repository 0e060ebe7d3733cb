package org.participe.ideas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.participe.base.PhotoProcessor;
import org.participe.base.content.ContentKey;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.validation.TypedText;
import org.participe.follows.FollowService;
import org.participe.ideas.internal.IdeaCardStore;
import org.participe.ideas.internal.IdeaCountsStore;
import org.participe.ideas.internal.IdeaPhotoStore;
import org.participe.ideas.internal.IdeaRecord;
import org.participe.ideas.internal.IdeaState;
import org.participe.ideas.internal.IdeaStore;
import org.participe.ideas.internal.IdeaText;
import org.participe.ideas.internal.IdeaTimelineStore;
import org.participe.ideas.internal.NewIdea;
import org.participe.ideas.internal.SupportStore;
import org.participe.moderation.ModerationQueue;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' ideas: proposing, finding, supporting, following, editing and withdrawing them; and
 * officials' answers. Each public method is a use case: it checks who acts and the rules, then
 * asks the stores of {@code internal} (one per table) to read or write. Lists and pages are read
 * with one SQL statement each, whatever their size; counts are kept exact in the same transaction
 * as the rows they count.
 */
@Service
@Transactional
public class IdeaService {

    public static final int TITLE_MIN = 10;
    public static final int TITLE_MAX = 120;
    public static final int DESCRIPTION_MIN = 20;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int PHOTO_DESCRIPTION_MAX = 250;
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(30);
    private static final EditWindow EDITING = new EditWindow(EDIT_WINDOW);
    static final String RESIDENT = "hasRole('" + Roles.RESIDENT + "')";
    static final String ANYONE = "permitAll()";

    private final IdeaStore ideas;
    private final IdeaCardStore cards;
    private final IdeaCountsStore counts;
    private final SupportStore supports;
    private final IdeaTimelineStore timeline;
    private final IdeaPhotoStore photos;
    private final LinkedInitiatives initiatives;
    private final TownService town;
    private final FollowService follows;
    private final ModerationQueue moderation;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LocalePreference languages;
    private final int ideasPerDay;

    IdeaService(IdeaStore ideas, IdeaCardStore cards, IdeaCountsStore counts, SupportStore supports, IdeaTimelineStore timeline,
                IdeaPhotoStore photos, LinkedInitiatives initiatives, TownService town, FollowService follows, ModerationQueue moderation, RateLimiter rateLimiter,
                CurrentUser currentUser, ApplicationEventPublisher events, Clock clock, LocalePreference languages,
                @Value("${participe.ideas.per-day:5}") int ideasPerDay) {
        this.ideas = ideas;
        this.cards = cards;
        this.counts = counts;
        this.supports = supports;
        this.timeline = timeline;
        this.photos = photos;
        this.initiatives = initiatives;
        this.town = town;
        this.follows = follows;
        this.moderation = moderation;
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.languages = languages;
        this.ideasPerDay = ideasPerDay;
    }

    // Proposing and editing ---------------------------------------------------------------------

    /** Publishes an idea, or keeps it pending when the town moderates ideas before publication. */
    @PreAuthorize(RESIDENT)
    public long propose(IdeaDraft draft) {
        ParticipeUser author = currentUser.require();
        Clean clean = validate(draft);
        // The limit comes before the photo: someone over it makes the server decode nothing.
        if (!rateLimiter.tryAcquire("idea", String.valueOf(author.accountId()), ideasPerDay, Duration.ofDays(1))) {
            throw new TooManyRequestsException("idea.rate-limited");
        }
        PhotoProcessor.Processed photo = draft.photo() == null ? null : PhotoProcessor.process(draft.photo());
        boolean pending = town.profile().preModeration();
        Instant now = clock.instant();
        long id = ideas.insert(new NewIdea(author.accountId(), clean.title(), clean.description(), clean.categoryId(), clean.neighbourhoodId(),
                pending ? IdeaStatus.PENDING : IdeaStatus.PUBLISHED, photo != null, photo == null ? null : clean.photoDescription(),
                languages.writingLanguage(), now, pending ? null : now));
        if (photo != null) {
            photos.save(id, photo);
        }
        if (!pending) {
            addToTimeline(id, "PUBLISHED", null, IdeaStatus.PUBLISHED, author.accountId(), null);
        }
        follows.follow(author.accountId(), ContentKey.idea(id));
        moderation.published(ContentKey.idea(id), author.accountId(), now, pending, true);
        return id;
    }

    /** Whether the current person may propose an idea, and if not, why. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public ProposalAccess proposalAccess() {
        return switch (IdeaPermissions.participation(Viewer.of(currentUser))) {
            case ALLOWED -> ProposalAccess.ALLOWED;
            case SIGN_IN -> ProposalAccess.SIGN_IN;
            case CONFIRM_EMAIL -> ProposalAccess.CONFIRM_EMAIL;
            case BLOCKED -> ProposalAccess.BLOCKED;
            case READ_ONLY, CLOSED -> ProposalAccess.RESIDENTS_ONLY;
        };
    }

    /** The author corrects the idea within 30 minutes of publication, while nobody has supported or commented on it. */
    @PreAuthorize(RESIDENT)
    public void edit(long ideaId, IdeaDraft draft, long version) {
        ParticipeUser author = currentUser.require();
        IdeaState idea = lock(ideaId);
        if (idea.authorId() != author.accountId()) {
            throw new AccessDeniedException("Only the author edits an idea");
        }
        if (!EDITING.isOpen(idea.status(), idea.editableSince(), idea.supportCount(), idea.commentCount(), clock.instant())) {
            throw InvalidInputException.of("idea", "idea.edit.closed");
        }
        Clean clean = validate(draft);
        PhotoProcessor.Processed photo = draft.photo() == null ? null : PhotoProcessor.process(draft.photo());
        IdeaText text = new IdeaText(clean.title(), clean.description(), clean.categoryId(), clean.neighbourhoodId(), photo != null,
                clean.photoDescription(), draft.photoDescription() == null);
        if (!ideas.updateText(ideaId, version, text, clock.instant())) {
            throw new OptimisticLockingFailureException("The idea changed since it was read");
        }
        if (photo != null) {
            photos.replace(ideaId, photo);
        }
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
    }

    /** The author withdraws the idea: it stays readable, marked withdrawn, closed to supports. */
    @PreAuthorize(RESIDENT)
    public void withdraw(long ideaId) {
        ParticipeUser author = currentUser.require();
        IdeaState idea = lock(ideaId);
        if (idea.authorId() != author.accountId()) {
            throw new AccessDeniedException("Only the author withdraws an idea");
        }
        if (idea.status() == IdeaStatus.WITHDRAWN || idea.status() == IdeaStatus.DONE) {
            return;
        }
        changeStatus(idea, IdeaStatus.WITHDRAWN, "WITHDRAWN", author.accountId());
        moderation.withdrawn(ContentKey.idea(ideaId));
    }

    /** An official publishes an idea that waited for pre-moderation. */
    @PreAuthorize("hasRole('" + Roles.OFFICIAL + "')")
    public void approve(long ideaId) {
        IdeaState idea = lock(ideaId);
        if (idea.status() != IdeaStatus.PENDING) {
            return;
        }
        long official = currentUser.require().accountId();
        ideas.setPublishedAt(ideaId, clock.instant());
        changeStatus(idea, IdeaStatus.PUBLISHED, "PUBLISHED", official);
        moderation.approved(ContentKey.idea(ideaId), official);
    }

    /**
     * An official answers an idea publicly: a new status, with a reasoned text (required to accept
     * or reject), shown on the idea's timeline with the official's name. {@code version} is the
     * idea's as the official read it: if another official answered since, nothing is overwritten.
     * Officials change an idea's status and visibility, never its text.
     */
    @PreAuthorize("hasRole('" + Roles.OFFICIAL + "')")
    public void answer(long ideaId, IdeaStatus to, String text, long version) {
        if (!AnswerPolicy.mayGive(to)) {
            throw InvalidInputException.of("status", "idea.answer.status");
        }
        String answer = text == null ? "" : text.strip();
        if (AnswerPolicy.needsReason(to) && !AnswerPolicy.isReasoned(answer)) {
            throw InvalidInputException.of("text", "idea.answer.reason-required");
        }
        if (TypedText.length(answer) > AnswerPolicy.TEXT_MAX) {
            throw InvalidInputException.of("text", "validation.max-length", AnswerPolicy.TEXT_MAX);
        }
        TypedText.require("text", answer);
        IdeaState idea = lock(ideaId);
        if (!AnswerPolicy.isAnswerable(idea.status())) {
            throw InvalidInputException.of("status", "idea.answer.status");
        }
        long official = currentUser.require().accountId();
        if (!ideas.answer(ideaId, version, to, clock.instant())) {
            throw new OptimisticLockingFailureException("The idea changed since it was read");
        }
        addToTimeline(ideaId, "OFFICIAL_ANSWER", idea.status(), to, official, answer.isEmpty() ? null : answer);
        moderation.answered(ContentKey.idea(ideaId), official, idea.status().name(), to.name(), answer.isEmpty() ? null : answer);
        events.publishEvent(new IdeaEvents.IdeaStatusChanged(ideaId, idea.status(), to, idea.title(), idea.hidden()));
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
    }

    /**
     * Staff record that an idea fed into a town initiative: always a timeline entry. Moving it to
     * "in progress" replaces its status (an answer given before stays on the timeline) only when
     * asked; and the link answers the idea (meeting its answer deadline) only when staff give the
     * public answer's text. The initiatives feature calls this.
     *
     * @param answer the public answer the link gives, or null when the link does not answer the idea
     */
    @PreAuthorize("hasRole('" + Roles.STAFF + "')")
    public void linkToInitiative(long ideaId, long initiativeId, boolean moveToInProgress, String answer) {
        String answerText = answer == null ? null : answer.strip();
        if (answerText != null) {
            if (!AnswerPolicy.isReasoned(answerText)) {
                throw InvalidInputException.of("answer", "idea.answer.reason-required");
            }
            if (TypedText.length(answerText) > AnswerPolicy.TEXT_MAX) {
                throw InvalidInputException.of("answer", "validation.max-length", AnswerPolicy.TEXT_MAX);
            }
            TypedText.require("answer", answerText);
        }
        IdeaState idea = lock(ideaId);
        if (!AnswerPolicy.isAnswerable(idea.status())) {
            throw InvalidInputException.of("ideaId", "initiative.link.not-public");
        }
        long staff = currentUser.require().accountId();
        IdeaStatus to = moveToInProgress && idea.status() != IdeaStatus.IN_PROGRESS && idea.status() != IdeaStatus.DONE
                ? IdeaStatus.IN_PROGRESS : idea.status();
        ideas.linkToInitiative(ideaId, initiativeId, to, answerText != null, clock.instant());
        addToTimeline(ideaId, "INITIATIVE_LINKED", idea.status(), to == idea.status() ? null : to, staff, answerText);
        if (answerText != null) {
            moderation.answered(ContentKey.idea(ideaId), staff, idea.status().name(), to.name(), answerText);
        }
        if (to != idea.status()) {
            events.publishEvent(new IdeaEvents.IdeaStatusChanged(ideaId, idea.status(), to, idea.title(), idea.hidden()));
        }
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
    }

    // Supporting --------------------------------------------------------------------------------

    /**
     * Supports an idea once: the primary key of {@code support} refuses a second row, and the
     * count grows only when a row was really inserted, in the same transaction.
     */
    @PreAuthorize(RESIDENT)
    public int support(long ideaId) {
        ParticipeUser user = currentUser.require();
        IdeaState idea = visibleTo(ideaId, user);
        if (!idea.status().isOpenToSupport() || idea.hidden()) {
            throw InvalidInputException.of("support", "idea.support.closed");
        }
        if (!supports.add(ideaId, user.accountId(), clock.instant())) {
            return counts.supportCount(ideaId);
        }
        int count = counts.supportAdded(ideaId);
        follows.followBecauseSupported(user.accountId(), ContentKey.idea(ideaId));
        if (!idea.thresholdReached()) { // marking it twice is harmless: checkThreshold only marks an unmarked idea
            checkThreshold(idea, count);
        }
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
        return count;
    }

    @PreAuthorize(RESIDENT)
    public int withdrawSupport(long ideaId) {
        ParticipeUser user = currentUser.require();
        IdeaState idea = visibleTo(ideaId, user);
        if (!idea.status().isOpenToSupport()) {
            throw InvalidInputException.of("support", "idea.support.closed");
        }
        if (!supports.remove(ideaId, user.accountId())) {
            return counts.supportCount(ideaId);
        }
        int count = counts.supportRemoved(ideaId);
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
        return count;
    }

    private void checkThreshold(IdeaState idea, int count) {
        long ideaId = idea.id();
        SupportThreshold threshold = new SupportThreshold(town.profile().thresholdSupports(), town.profile().thresholdDays());
        if (!threshold.worthCounting(count)) {
            return;
        }
        Instant now = clock.instant();
        int recent = supports.countSinceUpTo(ideaId, threshold.countsFrom(now), threshold.supports());
        if (!threshold.isReachedBy(recent)) {
            return;
        }
        if (ideas.markThresholdReached(ideaId, now)) {
            addToTimeline(ideaId, "THRESHOLD_REACHED", null, null, null, null);
            moderation.answerExpected(ContentKey.idea(ideaId), now);
            events.publishEvent(new IdeaEvents.IdeaReachedThreshold(ideaId, recent, threshold.supports(), threshold.days(), idea.title()));
        }
    }

    // Reading -----------------------------------------------------------------------------------

    /** A page of the public list: one SQL statement, whatever the page size. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<IdeaCard> list(IdeaFilter filter, int offset, int limit) {
        return cards.list(filter, Math.max(0, offset), Math.max(1, Math.min(limit, 100)));
    }

    /**
     * How many public ideas match, counted no further than {@code limit}: past it, {@code limit + 1}
     * ("more than …"). A city's full count read every ideas page up to 100,000 rows (docs/BENCHMARKS.md).
     */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public long countUpTo(IdeaFilter filter, int limit) {
        return cards.countUpTo(filter, Math.max(0, limit) + 1);
    }

    /**
     * Up to 5 published ideas whose title resembles the one being typed (French full text, any
     * word, and trigram similarity), so that residents support an existing idea instead.
     */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<IdeaCard> similar(String title) {
        String text = TypedText.forSearch(title);
        return text.length() < 4 ? List.of() : cards.similar(text);
    }

    /** One idea as the viewer may see it: public ideas for all, pending or hidden ones for their author and officials. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public Optional<IdeaDetail> detail(long ideaId) {
        return readable(ideaId).map(d -> new IdeaDetail(d.id(), d.title(), d.description(), d.authorId(), d.authorName(),
                d.categoryId(), d.neighbourhoodId(), d.status(), d.hidden(), d.supportCount(), d.commentCount(), d.hasPhoto(),
                d.createdAt(), d.publishedAt(), d.updatedAt(), d.thresholdReachedAt(), d.version(), d.mine(), d.supportedByMe(),
                d.initiativeId(), d.initiativeId() == null ? null : initiatives.publicTitle(d.initiativeId()).orElse(null),
                d.hiddenReason(), d.lang(), d.photoDescription(), capabilities(d)));
    }

    /** Whether the viewer may see the idea (see {@link #detail}). */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public boolean isVisible(long ideaId) {
        return readable(ideaId).isPresent();
    }

    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long ideaId) {
        return readable(ideaId).isEmpty() ? List.of() : timeline.entries(ideaId);
    }

    /** The photo or its thumbnail, for ideas the viewer may see. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public Optional<byte[]> photo(long ideaId, boolean thumbnail) {
        return readable(ideaId).isEmpty() ? Optional.empty() : photos.read(ideaId, thumbnail);
    }

    /** The idea's title when it takes new comments (visible, not hidden, open), empty otherwise: one read. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public Optional<String> titleOpenToComments(long ideaId) {
        return readable(ideaId).filter(d -> !d.hidden() && d.status().isOpenToComments()).map(IdeaRecord::title);
    }

    /** The ideas that fed into an initiative, the most supported first: the initiatives feature shows them. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<Long> idsLinkedTo(long initiativeId) {
        return cards.idsLinkedTo(initiativeId);
    }

    /** Cards for ideas given by id (what a person follows), in the given order, skipping those they may not see. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<IdeaCard> cards(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, IdeaCard> byId = new HashMap<>();
        cards.publicCards(ids).forEach(card -> byId.put(card.id(), card));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The signed-in person's own ideas, whatever their status. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<IdeaCard> myIdeas(int offset, int limit) {
        return cards.byAuthor(currentUser.require().accountId(), offset, limit);
    }

    /** The ideas the signed-in person supports, most recent support first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<IdeaCard> supportedIdeas(int offset, int limit) {
        return cards.supportedBy(currentUser.require().accountId(), offset, limit);
    }

    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public int supportCount(long ideaId) {
        return counts.supportCount(ideaId);
    }

    // Called by the moderation and comments features, through this module's own adapters --------

    /** Moderation shows or hides ideas; the idea pages open refresh. */
    void setHidden(Collection<Long> ids, String reason) {
        ideas.setHidden(ids, reason);
        ids.forEach(id -> events.publishEvent(new IdeaEvents.IdeaChanged(id)));
    }

    /** Keeps comment_count exact: called in the transaction that adds or removes a comment. */
    void adjustCommentCount(long ideaId, int delta) {
        counts.addComments(ideaId, delta);
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
    }

    // Rules -------------------------------------------------------------------------------------

    private record Clean(String title, String description, long categoryId, Long neighbourhoodId, String photoDescription) {
    }

    private Clean validate(IdeaDraft draft) {
        var errors = new InvalidInputException.Collector();
        String title = draft.title() == null ? "" : draft.title().strip().replaceAll("\\s+", " ");
        if (TypedText.length(title) < TITLE_MIN || TypedText.length(title) > TITLE_MAX) {
            errors.reject("title", "validation.length", TITLE_MIN, TITLE_MAX);
        } else {
            TypedText.check("title", title, errors);
        }
        String description = draft.description() == null ? "" : draft.description().strip().replace("\r\n", "\n");
        if (TypedText.length(description) < DESCRIPTION_MIN || TypedText.length(description) > DESCRIPTION_MAX) {
            errors.reject("description", "validation.length", DESCRIPTION_MIN, DESCRIPTION_MAX);
        } else {
            TypedText.check("description", description, errors);
        }
        if (draft.categoryId() == null || town.activeCategories().stream().noneMatch(c -> c.id() == draft.categoryId())) {
            errors.reject("categoryId", "idea.category.required");
        }
        if (draft.neighbourhoodId() != null && town.activeNeighbourhoods().stream().noneMatch(n -> n.id() == draft.neighbourhoodId())) {
            errors.reject("neighbourhoodId", "signup.neighbourhood.unknown");
        }
        String photoDescription = draft.photoDescription() == null ? "" : draft.photoDescription().strip().replaceAll("\\s+", " ");
        if (TypedText.length(photoDescription) > PHOTO_DESCRIPTION_MAX) {
            errors.reject("photoDescription", "validation.max-length", PHOTO_DESCRIPTION_MAX);
        } else if (!photoDescription.isEmpty()) {
            TypedText.check("photoDescription", photoDescription, errors);
        }
        errors.throwIfAny();
        return new Clean(title, description, draft.categoryId(), draft.neighbourhoodId(), photoDescription.isEmpty() ? null : photoDescription);
    }

    /** What the current person may do on the idea: its page shows that, and each action checks again. */
    private IdeaCapabilities capabilities(IdeaRecord idea) {
        boolean editable = EDITING.isOpen(idea.status(), idea.editableSince(), idea.supportCount(), idea.commentCount(), clock.instant());
        return IdeaPermissions.of(Viewer.of(currentUser), idea.status(), idea.hidden(), idea.mine(), editable);
    }

    /** The idea as read, if the viewer may see it; without what other modules add to its page. */
    private Optional<IdeaRecord> readable(long ideaId) {
        Long viewer = currentUser.get().filter(ParticipeUser::confirmed).map(ParticipeUser::accountId).orElse(null);
        return ideas.detail(ideaId, viewer).filter(this::mayView);
    }

    private boolean mayView(IdeaRecord detail) {
        if (!detail.hidden() && detail.status() != IdeaStatus.PENDING) {
            return true;
        }
        return detail.mine() || currentUser.hasRole(Roles.OFFICIAL);
    }

    private IdeaState lock(long ideaId) {
        return ideas.lock(ideaId).orElseThrow(() -> InvalidInputException.of("idea", "idea.not-found"));
    }

    private IdeaState visibleTo(long ideaId, ParticipeUser user) {
        IdeaState idea = ideas.find(ideaId).orElseThrow(() -> InvalidInputException.of("idea", "idea.not-found"));
        if (idea.status() == IdeaStatus.PENDING && idea.authorId() != user.accountId()) {
            throw InvalidInputException.of("idea", "idea.not-found");
        }
        return idea;
    }

    private void changeStatus(IdeaState idea, IdeaStatus to, String kind, long actorId) {
        ideas.setStatus(idea.id(), to, clock.instant());
        addToTimeline(idea.id(), kind, idea.status(), to, actorId, null);
        events.publishEvent(new IdeaEvents.IdeaStatusChanged(idea.id(), idea.status(), to, idea.title(), idea.hidden()));
        events.publishEvent(new IdeaEvents.IdeaChanged(idea.id()));
    }

    /** A timeline entry dated now; a text is in the writer's language, an entry without one in the town's. */
    private void addToTimeline(long ideaId, String kind, IdeaStatus from, IdeaStatus to, Long actorId, String text) {
        timeline.add(ideaId, kind, from, to, actorId, text, clock.instant(), text == null ? "fr" : languages.writingLanguage());
    }
}
