package org.participe.ideas;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.participe.base.i18n.LocalePreference;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.validation.TypedText;
import org.participe.follows.FollowService;
import org.participe.follows.FollowTarget;
import org.participe.moderation.ContentRef;
import org.participe.moderation.ModerationQueue;
import org.participe.base.PhotoProcessor;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' ideas: proposing, finding, supporting, following, editing and withdrawing them.
 * Lists and pages are read with one SQL statement each, whatever their size; counts are columns
 * kept exact in the same transaction as the rows they count.
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
    static final String RESIDENT = "hasRole('" + Roles.RESIDENT + "')";
    static final String ANYONE = "permitAll()";

    /** An idea {@code i} with its counts {@code c}, kept in a table of their own (V7__idea_counts.sql), and its author {@code a}. */
    private static final String IDEA_WITH_COUNTS = "idea i join idea_counts c on c.idea_id = i.id join account a on a.id = i.author_id";
    private static final String CARD_COLUMNS = """
            i.id, i.title, left(i.description, 220) as excerpt, i.category_id, i.neighbourhood_id, i.status,
            c.support_count, c.comment_count, i.has_photo, i.published_at, i.created_at, a.display_name as author_name, i.lang""";

    private final JdbcClient jdbc;
    private final TownService town;
    private final FollowService follows;
    private final ModerationQueue moderation;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LocalePreference languages;
    private final int ideasPerDay;

    IdeaService(JdbcClient jdbc, TownService town, FollowService follows, ModerationQueue moderation, RateLimiter rateLimiter, CurrentUser currentUser,
                ApplicationEventPublisher events, Clock clock, LocalePreference languages, @Value("${participe.ideas.per-day:5}") int ideasPerDay) {
        this.jdbc = jdbc;
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
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into idea (author_id, title, description, category_id, neighbourhood_id, status, has_photo,
                                          photo_description, lang, created_at, updated_at, published_at)
                        values (:author, :title, :description, :category, :neighbourhood, :status, :photo,
                                :photoDescription, :lang, :now, :now, :published)
                        returning id""")
                .param("author", author.accountId()).param("title", clean.title()).param("description", clean.description())
                .param("photoDescription", photo == null ? null : clean.photoDescription()).param("lang", languages.writingLanguage())
                .param("category", clean.categoryId()).param("neighbourhood", clean.neighbourhoodId())
                .param("status", pending ? IdeaStatus.PENDING.name() : IdeaStatus.PUBLISHED.name())
                .param("photo", photo != null).param("now", now).param("published", pending ? null : now)
                .query(Long.class).single();
        if (photo != null) {
            savePhoto(id, photo);
        }
        if (!pending) {
            timeline(id, "PUBLISHED", null, IdeaStatus.PUBLISHED, author.accountId(), null);
        }
        follows.follow(author.accountId(), FollowTarget.idea(id));
        moderation.published(ContentRef.idea(id), author.accountId(), now.toInstant(), pending, true);
        events.publishEvent(new IdeaEvents.IdeaProposed(id, author.accountId(), pending));
        return id;
    }

    /** Whether the current person may propose an idea, and if not, why. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public ProposalAccess proposalAccess() {
        if (currentUser.get().isEmpty()) {
            return ProposalAccess.SIGN_IN;
        }
        if (currentUser.hasRole(Roles.RESIDENT)) {
            return ProposalAccess.ALLOWED;
        }
        if (currentUser.hasRole(Roles.BLOCKED)) {
            return ProposalAccess.BLOCKED;
        }
        return currentUser.hasRole(Roles.UNCONFIRMED) ? ProposalAccess.CONFIRM_EMAIL : ProposalAccess.RESIDENTS_ONLY;
    }

    /** The author corrects the idea within 30 minutes of publication, while nobody has supported or commented on it. */
    @PreAuthorize(RESIDENT)
    public void edit(long ideaId, IdeaDraft draft, long version) {
        ParticipeUser author = currentUser.require();
        Row row = lockRow(ideaId);
        if (row.authorId() != author.accountId()) {
            throw new AccessDeniedException("Only the author edits an idea");
        }
        if (!isEditable(row)) {
            throw InvalidInputException.of("idea", "idea.edit.closed");
        }
        Clean clean = validate(draft);
        PhotoProcessor.Processed photo = draft.photo() == null ? null : PhotoProcessor.process(draft.photo());
        int updated = jdbc.sql("""
                        update idea set title = :title, description = :description, category_id = :category,
                               neighbourhood_id = :neighbourhood, has_photo = has_photo or :photo, updated_at = :now, version = version + 1,
                               photo_description = case when :keepPhotoDescription then photo_description else :photoDescription end
                        where id = :id and version = :version""")
                .param("keepPhotoDescription", draft.photoDescription() == null).param("photoDescription", clean.photoDescription())
                .param("title", clean.title()).param("description", clean.description()).param("category", clean.categoryId())
                .param("neighbourhood", clean.neighbourhoodId()).param("photo", photo != null)
                .param("now", Timestamp.from(clock.instant())).param("id", ideaId).param("version", version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("The idea changed since it was read");
        }
        if (photo != null) {
            jdbc.sql("delete from idea_photo where idea_id = ?").param(ideaId).update();
            savePhoto(ideaId, photo);
        }
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
    }

    /** The author withdraws the idea: it stays readable, marked withdrawn, closed to supports. */
    @PreAuthorize(RESIDENT)
    public void withdraw(long ideaId) {
        ParticipeUser author = currentUser.require();
        Row row = lockRow(ideaId);
        if (row.authorId() != author.accountId()) {
            throw new AccessDeniedException("Only the author withdraws an idea");
        }
        if (row.status() == IdeaStatus.WITHDRAWN || row.status() == IdeaStatus.DONE) {
            return;
        }
        changeStatus(ideaId, row.status(), IdeaStatus.WITHDRAWN, "WITHDRAWN", author.accountId());
        moderation.withdrawn(ContentRef.idea(ideaId));
    }

    /** An official publishes an idea that waited for pre-moderation. */
    @PreAuthorize("hasRole('" + Roles.OFFICIAL + "')")
    public void approve(long ideaId) {
        Row row = lockRow(ideaId);
        if (row.status() != IdeaStatus.PENDING) {
            return;
        }
        long official = currentUser.require().accountId();
        jdbc.sql("update idea set published_at = :now where id = :id").param("now", Timestamp.from(clock.instant())).param("id", ideaId).update();
        changeStatus(ideaId, IdeaStatus.PENDING, IdeaStatus.PUBLISHED, "PUBLISHED", official);
        moderation.approved(ContentRef.idea(ideaId), official);
    }

    /**
     * An official answers an idea publicly: a new status, with a reasoned text (required to accept
     * or reject), shown on the idea's timeline with the official's name. {@code version} is the
     * idea's as the official read it: if another official answered since, nothing is overwritten.
     * Officials change an idea's status and visibility, never its text.
     */
    @PreAuthorize("hasRole('" + Roles.OFFICIAL + "')")
    public void answer(long ideaId, IdeaStatus to, String text, long version) {
        if (to == IdeaStatus.PENDING || to == IdeaStatus.PUBLISHED || to == IdeaStatus.WITHDRAWN) {
            throw InvalidInputException.of("status", "idea.answer.status");
        }
        String answer = text == null ? "" : text.strip();
        if ((to == IdeaStatus.ACCEPTED || to == IdeaStatus.REJECTED) && TypedText.length(answer) < 20) {
            throw InvalidInputException.of("text", "idea.answer.reason-required");
        }
        if (TypedText.length(answer) > 5000) {
            throw InvalidInputException.of("text", "validation.max-length", 5000);
        }
        TypedText.require("text", answer);
        Row row = lockRow(ideaId);
        if (row.status() == IdeaStatus.PENDING || row.status() == IdeaStatus.WITHDRAWN) {
            throw InvalidInputException.of("status", "idea.answer.status");
        }
        long official = currentUser.require().accountId();
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update idea set status = ?, last_answered_at = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(to.name(), now, now, ideaId, version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("The idea changed since it was read");
        }
        timeline(ideaId, "OFFICIAL_ANSWER", row.status(), to, official, answer.isEmpty() ? null : answer);
        moderation.answered(ContentRef.idea(ideaId), official, row.status().name(), to.name(), answer.isEmpty() ? null : answer);
        events.publishEvent(new IdeaEvents.IdeaStatusChanged(ideaId, row.status(), to));
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
            if (TypedText.length(answerText) < 20) {
                throw InvalidInputException.of("answer", "idea.answer.reason-required");
            }
            if (TypedText.length(answerText) > 5000) {
                throw InvalidInputException.of("answer", "validation.max-length", 5000);
            }
            TypedText.require("answer", answerText);
        }
        Row row = lockRow(ideaId);
        if (row.status() == IdeaStatus.PENDING || row.status() == IdeaStatus.WITHDRAWN) {
            throw InvalidInputException.of("ideaId", "initiative.link.not-public");
        }
        long staff = currentUser.require().accountId();
        IdeaStatus to = moveToInProgress && row.status() != IdeaStatus.IN_PROGRESS && row.status() != IdeaStatus.DONE
                ? IdeaStatus.IN_PROGRESS : row.status();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update idea set initiative_id = ?, status = ?, last_answered_at = case when ? then ? else last_answered_at end,
                               updated_at = ?, version = version + 1
                        where id = ?""")
                .params(initiativeId, to.name(), answerText != null, now, now, ideaId).update();
        timeline(ideaId, "INITIATIVE_LINKED", row.status(), to == row.status() ? null : to, staff, answerText);
        if (answerText != null) {
            moderation.answered(ContentRef.idea(ideaId), staff, row.status().name(), to.name(), answerText);
        }
        if (to != row.status()) {
            events.publishEvent(new IdeaEvents.IdeaStatusChanged(ideaId, row.status(), to));
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
        Row row = visibleRow(ideaId, user);
        if (!row.status().isOpenToSupport() || row.hidden()) {
            throw InvalidInputException.of("support", "idea.support.closed");
        }
        int inserted = jdbc.sql("insert into support (idea_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(ideaId, user.accountId(), Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return supportCount(ideaId);
        }
        int count = jdbc.sql("update idea_counts set support_count = support_count + 1 where idea_id = ? returning support_count")
                .param(ideaId).query(Integer.class).single();
        follows.followBecauseSupported(user.accountId(), FollowTarget.idea(ideaId));
        if (!row.thresholdReached()) { // marking it twice is harmless: checkThreshold only marks an unmarked idea
            checkThreshold(ideaId, count);
        }
        events.publishEvent(new IdeaEvents.SupportGiven(ideaId, user.accountId()));
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
        return count;
    }

    @PreAuthorize(RESIDENT)
    public int withdrawSupport(long ideaId) {
        ParticipeUser user = currentUser.require();
        Row row = visibleRow(ideaId, user);
        if (!row.status().isOpenToSupport()) {
            throw InvalidInputException.of("support", "idea.support.closed");
        }
        int deleted = jdbc.sql("delete from support where idea_id = ? and account_id = ?").params(ideaId, user.accountId()).update();
        if (deleted == 0) {
            return supportCount(ideaId);
        }
        int count = jdbc.sql("update idea_counts set support_count = support_count - 1 where idea_id = ? returning support_count")
                .param(ideaId).query(Integer.class).single();
        events.publishEvent(new IdeaEvents.SupportWithdrawn(ideaId, user.accountId()));
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
        return count;
    }

    private void checkThreshold(long ideaId, int count) {
        TownProfile rules = town.profile();
        if (count < rules.thresholdSupports()) {
            return;
        }
        Instant now = clock.instant();
        // counts no further than the threshold: a popular idea's supports are not all read again on each new one
        int recent = jdbc.sql("select count(*) from (select 1 from support where idea_id = ? and created_at > ? limit ?) recent")
                .params(ideaId, Timestamp.from(now.minus(Duration.ofDays(rules.thresholdDays()))), rules.thresholdSupports())
                .query(Integer.class).single();
        if (recent < rules.thresholdSupports()) {
            return;
        }
        int marked = jdbc.sql("update idea set threshold_reached_at = ? where id = ? and threshold_reached_at is null")
                .params(Timestamp.from(now), ideaId).update();
        if (marked == 1) {
            timeline(ideaId, "THRESHOLD_REACHED", null, null, null, null);
            moderation.answerExpected(ContentRef.idea(ideaId), now);
            events.publishEvent(new IdeaEvents.IdeaReachedThreshold(ideaId, recent, rules.thresholdSupports(), rules.thresholdDays()));
        }
    }

    // Reading -----------------------------------------------------------------------------------

    /** A page of the public list: one SQL statement, whatever the page size. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<IdeaCard> list(IdeaFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = publicWhere(filter, params);
        String order = switch (filter.sortOrDefault()) {
            case SUPPORTED -> "c.support_count desc, c.idea_id desc";
            case DISCUSSED -> "c.comment_count desc, c.idea_id desc";
            case ANSWERED -> "i.last_answered_at desc nulls last, i.id desc";
            case NEWEST -> "i.published_at desc, i.id desc";
        };
        params.put("limit", Math.max(1, Math.min(limit, 100)));
        params.put("offset", Math.max(0, offset));
        return jdbc.sql("select " + CARD_COLUMNS + " from " + IDEA_WITH_COUNTS + " where " + where
                        + " order by " + order + " limit :limit offset :offset")
                .params(params).query(IdeaService::card).list();
    }

    /**
     * How many public ideas match, counted no further than {@code limit}: past it, {@code limit + 1}
     * ("more than …"). A city's full count read every ideas page up to 100,000 rows (docs/BENCHMARKS.md).
     */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public long countUpTo(IdeaFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = publicWhere(filter, params);
        params.put("countLimit", Math.max(0, limit) + 1);
        return jdbc.sql("select count(*) from (select 1 from idea i where " + where + " limit :countLimit) matching")
                .params(params).query(Long.class).single();
    }

    private static String publicWhere(IdeaFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("not i.hidden", "i.status <> 'PENDING'"));
        String text = TypedText.forSearch(filter.text());
        if (!text.isEmpty()) {
            conditions.add("i.search @@ websearch_to_tsquery('participe_french', :text)");
            params.put("text", text);
        }
        if (filter.categoryId() != null) {
            conditions.add("i.category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.neighbourhoodId() != null) {
            if (filter.neighbourhoodId() == IdeaFilter.WHOLE_TOWN) {
                conditions.add("i.neighbourhood_id is null");
            } else {
                conditions.add("i.neighbourhood_id = :neighbourhood");
                params.put("neighbourhood", filter.neighbourhoodId());
            }
        }
        if (filter.status() != null) {
            conditions.add("i.status = :status");
            params.put("status", filter.status().name());
        }
        return String.join(" and ", conditions);
    }

    /**
     * Up to 5 published ideas whose title resembles the one being typed (French full text, any
     * word, and trigram similarity), so that residents support an existing idea instead.
     */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<IdeaCard> similar(String title) {
        String text = TypedText.forSearch(title);
        if (text.length() < 4) {
            return List.of();
        }
        return jdbc.sql("select " + CARD_COLUMNS + " from " + IDEA_WITH_COUNTS + ",\n" + """
                              lateral (select coalesce(nullif(replace(plainto_tsquery('participe_french', :text)::text, '&', '|'), ''), 'x')::tsquery as q) words
                         where not i.hidden and i.status not in ('PENDING', 'WITHDRAWN')
                           and (i.search @@ words.q or similarity(participe_unaccent(lower(i.title)), participe_unaccent(lower(:text))) > 0.25)
                         order by ts_rank(i.search, words.q) + similarity(participe_unaccent(lower(i.title)), participe_unaccent(lower(:text))) desc, i.id desc
                         limit 5""")
                .param("text", text).query(IdeaService::card).list();
    }

    /** One idea as the viewer may see it: public ideas for all, pending or hidden ones for their author and officials. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public Optional<IdeaDetail> detail(long ideaId) {
        Long viewer = currentUser.get().filter(ParticipeUser::confirmed).map(ParticipeUser::accountId).orElse(null);
        Optional<IdeaDetail> detail = jdbc.sql("""
                        select i.*, c.support_count, c.comment_count, a.display_name as author_name,
                               exists (select 1 from support s where s.idea_id = i.id and s.account_id = :viewer) as supported,
                               (select t.title from initiative t where t.id = i.initiative_id and t.published and not t.archived) as initiative_title
                        from %s where i.id = :id""".formatted(IDEA_WITH_COUNTS))
                .param("viewer", viewer == null ? -1L : viewer).param("id", ideaId)
                .query((rs, n) -> new IdeaDetail(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                        rs.getLong("author_id"), rs.getString("author_name"), rs.getLong("category_id"),
                        (Long) rs.getObject("neighbourhood_id"), IdeaStatus.valueOf(rs.getString("status")), rs.getBoolean("hidden"),
                        rs.getInt("support_count"), rs.getInt("comment_count"), rs.getBoolean("has_photo"),
                        instant(rs, "created_at"), instant(rs, "published_at"), instant(rs, "updated_at"),
                        instant(rs, "threshold_reached_at"), rs.getLong("version"),
                        viewer != null && viewer == rs.getLong("author_id"), rs.getBoolean("supported"), false,
                        (Long) rs.getObject("initiative_id"), rs.getString("initiative_title"), rs.getString("hidden_reason"),
                        rs.getString("lang"), rs.getString("photo_description")))
                .optional();
        return detail.filter(this::mayView).map(d -> new IdeaDetail(d.id(), d.title(), d.description(), d.authorId(), d.authorName(),
                d.categoryId(), d.neighbourhoodId(), d.status(), d.hidden(), d.supportCount(), d.commentCount(), d.hasPhoto(),
                d.createdAt(), d.publishedAt(), d.updatedAt(), d.thresholdReachedAt(), d.version(), d.mine(), d.supportedByMe(),
                d.mine() && isEditable(d.status(), d.publishedAt() != null ? d.publishedAt() : d.createdAt(), d.supportCount(), d.commentCount()),
                d.initiativeId(), d.initiativeTitle(), d.hiddenReason(), d.lang(), d.photoDescription()));
    }

    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long ideaId) {
        if (detail(ideaId).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select e.kind, e.from_status, e.to_status, a.display_name, e.text, e.occurred_at, e.lang
                        from idea_event e left join account a on a.id = e.actor_id
                        where e.idea_id = ? order by e.occurred_at, e.id""")
                .param(ideaId)
                .query((rs, n) -> new TimelineEntry(rs.getString(1), status(rs.getString(2)), status(rs.getString(3)),
                        rs.getString(4), rs.getString(5), instant(rs, "occurred_at"), rs.getString("lang")))
                .list();
    }

    /** The photo or its thumbnail, for ideas the viewer may see. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public Optional<byte[]> photo(long ideaId, boolean thumbnail) {
        if (detail(ideaId).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + (thumbnail ? "thumbnail" : "content") + " from idea_photo where idea_id = ?")
                .param(ideaId).query(byte[].class).optional();
    }

    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public boolean acceptsComments(long ideaId) {
        return detail(ideaId).filter(d -> !d.hidden() && d.status().isOpenToComments()).isPresent();
    }

    /** Cards for ideas given by id (what a person follows), in the given order, skipping those they may not see. */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public List<IdeaCard> cards(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, IdeaCard> byId = new HashMap<>();
        jdbc.sql("select " + CARD_COLUMNS + " from " + IDEA_WITH_COUNTS + " where i.id in (:ids) and not i.hidden and i.status <> 'PENDING'")
                .param("ids", ids).query(IdeaService::card).list().forEach(card -> byId.put(card.id(), card));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The signed-in person's own ideas, whatever their status. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<IdeaCard> myIdeas(int offset, int limit) {
        return jdbc.sql("select " + CARD_COLUMNS + " from " + IDEA_WITH_COUNTS + " where i.author_id = ? order by i.created_at desc, i.id desc limit ? offset ?")
                .params(currentUser.require().accountId(), limit, offset).query(IdeaService::card).list();
    }

    /** The ideas the signed-in person supports, most recent support first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<IdeaCard> supportedIdeas(int offset, int limit) {
        return jdbc.sql("select " + CARD_COLUMNS + " " + """
                         from support s join idea i on i.id = s.idea_id join account a on a.id = i.author_id join idea_counts c on c.idea_id = i.id
                         where s.account_id = ? and not i.hidden order by s.created_at desc, i.id desc limit ? offset ?""")
                .params(currentUser.require().accountId(), limit, offset).query(IdeaService::card).list();
    }

    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public int supportCount(long ideaId) {
        return jdbc.sql("select support_count from idea_counts where idea_id = ?").param(ideaId).query(Integer.class).optional().orElse(0);
    }

    // Rules -------------------------------------------------------------------------------------

    private record Clean(String title, String description, long categoryId, Long neighbourhoodId, String photoDescription) {
    }

    private record Row(long id, long authorId, IdeaStatus status, boolean hidden, Instant publishedAt, Instant createdAt,
                       int supportCount, int commentCount, boolean thresholdReached) {
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

    private boolean isEditable(Row row) {
        return isEditable(row.status(), row.publishedAt() != null ? row.publishedAt() : row.createdAt(), row.supportCount(), row.commentCount());
    }

    private boolean isEditable(IdeaStatus status, Instant since, int supports, int comments) {
        return (status == IdeaStatus.PUBLISHED || status == IdeaStatus.PENDING) && supports == 0 && comments == 0
                && clock.instant().isBefore(since.plus(EDIT_WINDOW));
    }

    private boolean mayView(IdeaDetail detail) {
        if (!detail.hidden() && detail.status() != IdeaStatus.PENDING) {
            return true;
        }
        return detail.mine() || currentUser.hasRole(Roles.OFFICIAL);
    }

    private Row lockRow(long ideaId) {
        return jdbc.sql("select i.id, i.author_id, i.status, i.hidden, i.published_at, i.created_at, c.support_count, c.comment_count, i.threshold_reached_at is not null"
                + " from idea i join idea_counts c on c.idea_id = i.id where i.id = ? for update of i")
                .param(ideaId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), IdeaStatus.valueOf(rs.getString(3)), rs.getBoolean(4),
                        instant(rs, "published_at"), instant(rs, "created_at"), rs.getInt(7), rs.getInt(8), rs.getBoolean(9)))
                .optional().orElseThrow(() -> InvalidInputException.of("idea", "idea.not-found"));
    }

    private Row visibleRow(long ideaId, ParticipeUser user) {
        Row row = jdbc.sql("select i.id, i.author_id, i.status, i.hidden, i.published_at, i.created_at, c.support_count, c.comment_count, i.threshold_reached_at is not null"
                + " from idea i join idea_counts c on c.idea_id = i.id where i.id = ?")
                .param(ideaId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), IdeaStatus.valueOf(rs.getString(3)), rs.getBoolean(4),
                        instant(rs, "published_at"), instant(rs, "created_at"), rs.getInt(7), rs.getInt(8), rs.getBoolean(9)))
                .optional().orElseThrow(() -> InvalidInputException.of("idea", "idea.not-found"));
        if (row.status() == IdeaStatus.PENDING && row.authorId() != user.accountId()) {
            throw InvalidInputException.of("idea", "idea.not-found");
        }
        return row;
    }

    private void changeStatus(long ideaId, IdeaStatus from, IdeaStatus to, String kind, long actorId) {
        jdbc.sql("update idea set status = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(to.name(), Timestamp.from(clock.instant()), ideaId).update();
        timeline(ideaId, kind, from, to, actorId, null);
        events.publishEvent(new IdeaEvents.IdeaStatusChanged(ideaId, from, to));
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
    }

    private void timeline(long ideaId, String kind, IdeaStatus from, IdeaStatus to, Long actorId, String text) {
        jdbc.sql("insert into idea_event (idea_id, kind, from_status, to_status, actor_id, text, occurred_at, lang) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ideaId, kind, from == null ? null : from.name(), to == null ? null : to.name(), actorId, text,
                        Timestamp.from(clock.instant()), text == null ? "fr" : languages.writingLanguage())
                .update();
    }

    private void savePhoto(long ideaId, PhotoProcessor.Processed photo) {
        jdbc.sql("insert into idea_photo (idea_id, content, content_type, thumbnail) values (?, ?, 'image/jpeg', ?)")
                .params(ideaId, photo.photo(), photo.thumbnail()).update();
    }

    /** Moderation shows or hides ideas; the idea pages open refresh. */
    void setHidden(java.util.Collection<Long> ids, String reason) {
        jdbc.sql("update idea set hidden = :hidden, hidden_reason = :reason where id in (:ids)")
                .param("hidden", reason != null).param("reason", reason).param("ids", ids).update();
        ids.forEach(id -> events.publishEvent(new IdeaEvents.IdeaChanged(id)));
    }

    /** Keeps comment_count exact: called in the transaction that adds or removes a comment. */
    void adjustCommentCount(long ideaId, int delta) {
        jdbc.sql("update idea_counts set comment_count = greatest(0, comment_count + ?) where idea_id = ?").params(delta, ideaId).update();
        events.publishEvent(new IdeaEvents.IdeaChanged(ideaId));
    }

    private static IdeaCard card(ResultSet rs, int row) throws SQLException {
        Instant published = instant(rs, "published_at");
        return new IdeaCard(rs.getLong("id"), rs.getString("title"), rs.getString("excerpt"), rs.getLong("category_id"),
                (Long) rs.getObject("neighbourhood_id"), IdeaStatus.valueOf(rs.getString("status")), rs.getInt("support_count"),
                rs.getInt("comment_count"), rs.getBoolean("has_photo"), published != null ? published : instant(rs, "created_at"),
                rs.getString("author_name"), rs.getString("lang"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static IdeaStatus status(String value) {
        return value == null ? null : IdeaStatus.valueOf(value);
    }
}
