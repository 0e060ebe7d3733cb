package org.participe.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.participe.base.PhotoProcessor;
import org.participe.base.content.ContentKey;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.ratelimit.RateLimiter;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.base.validation.TypedText;
import org.participe.budget.internal.ProjectRow;
import org.participe.budget.internal.ProjectStore;
import org.participe.budget.internal.ProjectText;
import org.participe.follows.FollowService;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projects of a citizens' budget: residents submit them during the submission phase; staff
 * and officials review their feasibility (with a public reasoned answer, a corrected cost, or a
 * merge into another project) during submission and review; everyone reads those of the campaigns
 * they may see. Costs are whole euros in, cents stored.
 */
@Service
@Transactional
public class ProjectService {

    public static final int TITLE_MIN = 10;
    public static final int TITLE_MAX = 120;
    public static final int DESCRIPTION_MIN = 20;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int LOCATION_MAX = 200;
    public static final int PHOTO_DESCRIPTION_MAX = 250;
    public static final int ANSWER_MIN = 10;
    public static final int ANSWER_MAX = 5000;
    public static final int COST_REASON_MAX = 1000;
    public static final long COST_MAX_EUROS = 1_000_000_000L;
    static final String RESIDENT = "hasRole('" + Roles.RESIDENT + "')";
    static final String REVIEWERS = "hasAnyRole('" + Roles.STAFF + "', '" + Roles.OFFICIAL + "')";

    private final ProjectStore projects;
    private final CampaignService campaigns;
    private final FollowService follows;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final LocalePreference languages;
    private final int projectsPerDay;

    ProjectService(ProjectStore projects, CampaignService campaigns, FollowService follows, RateLimiter rateLimiter, CurrentUser currentUser,
                   Clock clock, LocalePreference languages, @Value("${participe.budget.projects-per-day:5}") int projectsPerDay) {
        this.projects = projects;
        this.campaigns = campaigns;
        this.follows = follows;
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.clock = clock;
        this.languages = languages;
        this.projectsPerDay = projectsPerDay;
    }

    // Submitting -------------------------------------------------------------------------------

    /** A resident submits a project to a published campaign open to submissions; its review is due when the vote opens. */
    @PreAuthorize(RESIDENT)
    public long propose(long campaignId, ProjectDraft draft) {
        ParticipeUser author = currentUser.require();
        CampaignDetail campaign = campaigns.detail(campaignId).orElseThrow(() -> InvalidInputException.of("campaign", "budget.campaign.not-found"));
        if (campaign.can().propose() != ProposeAccess.ALLOWED) {
            throw InvalidInputException.of("campaign", "budget.project.submission-closed");
        }
        ProjectText text = validate(campaign, draft);
        if (!rateLimiter.tryAcquire("budget-project", String.valueOf(author.accountId()), projectsPerDay, Duration.ofDays(1))) {
            throw new TooManyRequestsException("budget.project.rate-limited");
        }
        PhotoProcessor.Processed photo = draft.photo() == null ? null : PhotoProcessor.process(draft.photo());
        long id = projects.insert(campaignId, author.accountId(), text, languages.writingLanguage(), campaign.voteFrom(), clock.instant());
        if (photo != null) {
            projects.savePhoto(id, photo);
        }
        follows.follow(author.accountId(), ContentKey.budgetProject(id));
        return id;
    }

    /** The author corrects a project still awaiting review, while submission is open; a new photo replaces the old one. */
    @PreAuthorize(RESIDENT)
    public void edit(long projectId, ProjectDraft draft, long version) {
        ProjectDetail project = detail(projectId).orElseThrow(() -> InvalidInputException.of("project", "budget.project.not-found"));
        if (!project.can().edit()) {
            throw new AccessDeniedException("Only the author corrects a submitted project during submission");
        }
        CampaignDetail campaign = campaigns.detail(project.campaignId()).orElseThrow();
        ProjectText text = validate(campaign, draft);
        PhotoProcessor.Processed photo = draft.photo() == null ? null : PhotoProcessor.process(draft.photo());
        if (!projects.rewrite(projectId, version, text, project.hasPhoto(), clock.instant())) {
            throw new OptimisticLockingFailureException("The project changed since it was read");
        }
        if (photo != null) {
            projects.savePhoto(projectId, photo);
        }
    }

    private ProjectText validate(CampaignDetail campaign, ProjectDraft draft) {
        var errors = new InvalidInputException.Collector();
        String title = strip(draft.title());
        if (TypedText.length(title) < TITLE_MIN || TypedText.length(title) > TITLE_MAX) {
            errors.reject("title", "validation.length", TITLE_MIN, TITLE_MAX);
        } else {
            TypedText.check("title", title, errors);
        }
        String description = strip(draft.description());
        if (TypedText.length(description) < DESCRIPTION_MIN || TypedText.length(description) > DESCRIPTION_MAX) {
            errors.reject("description", "validation.length", DESCRIPTION_MIN, DESCRIPTION_MAX);
        } else {
            TypedText.check("description", description, errors);
        }
        if (draft.envelopeId() == null || campaign.envelope(draft.envelopeId()).isEmpty()) {
            errors.reject("envelopeId", "budget.project.envelope-required");
        }
        String location = strip(draft.location());
        if (TypedText.length(location) > LOCATION_MAX) {
            errors.reject("location", "validation.max-length", LOCATION_MAX);
        } else {
            TypedText.check("location", location, errors);
        }
        if (draft.costEuros() == null || draft.costEuros() <= 0 || draft.costEuros() > COST_MAX_EUROS) {
            errors.reject("costEuros", "budget.project.cost", 1, COST_MAX_EUROS);
        }
        String photoDescription = strip(draft.photoDescription()).replaceAll("\\s+", " ");
        if (TypedText.length(photoDescription) > PHOTO_DESCRIPTION_MAX) {
            errors.reject("photoDescription", "validation.max-length", PHOTO_DESCRIPTION_MAX);
        } else {
            TypedText.check("photoDescription", photoDescription, errors);
        }
        errors.throwIfAny();
        return new ProjectText(title, description, draft.envelopeId(), location.isEmpty() ? null : location, draft.costEuros() * 100,
                draft.photo() != null, photoDescription.isEmpty() ? null : photoDescription);
    }

    // Reviewing --------------------------------------------------------------------------------

    /**
     * Staff or an official give the feasibility decision on a project read at {@code version},
     * during submission or review: always with a public reasoned answer; optionally a corrected cost
     * with its reason; for a merge, another project of the campaign that is not merged itself.
     */
    @PreAuthorize(REVIEWERS)
    public void review(long projectId, ProjectReview review, long version) {
        ProjectDetail project = detail(projectId).orElseThrow(() -> InvalidInputException.of("project", "budget.project.not-found"));
        if (!project.can().review()) {
            throw InvalidInputException.of("decision", "budget.review.closed");
        }
        var errors = new InvalidInputException.Collector();
        if (review.decision() == null || !review.decision().isReviewDecision()) {
            errors.reject("decision", "budget.review.decision-required");
        }
        String answer = strip(review.answer());
        if (TypedText.length(answer) < ANSWER_MIN || TypedText.length(answer) > ANSWER_MAX) {
            errors.reject("answer", "budget.review.answer-required", ANSWER_MIN, ANSWER_MAX);
        } else {
            TypedText.check("answer", answer, errors);
        }
        long cost = project.estimatedCostCents();
        String costReason = null;
        if (review.correctedCostEuros() != null) {
            if (review.correctedCostEuros() <= 0 || review.correctedCostEuros() > COST_MAX_EUROS) {
                errors.reject("correctedCost", "budget.project.cost", 1, COST_MAX_EUROS);
            } else {
                cost = review.correctedCostEuros() * 100;
            }
            String reason = strip(review.costReason());
            if (cost != project.estimatedCostCents() && (TypedText.length(reason) < 5 || TypedText.length(reason) > COST_REASON_MAX)) {
                errors.reject("costReason", "budget.review.cost-reason-required", 5, COST_REASON_MAX);
            } else if (cost != project.estimatedCostCents()) {
                TypedText.check("costReason", reason, errors);
                costReason = reason;
            }
        }
        Long mergedInto = null;
        if (review.decision() == ProjectStatus.MERGED) {
            mergedInto = review.mergedInto();
            Optional<ProjectRow> target = mergedInto == null ? Optional.empty() : projects.find(mergedInto);
            if (target.isEmpty() || target.get().id() == projectId || target.get().campaignId() != project.campaignId()
                    || target.get().status() == ProjectStatus.MERGED || target.get().status() == ProjectStatus.WITHDRAWN) {
                errors.reject("mergedInto", "budget.review.merge-target");
            }
        }
        errors.throwIfAny();
        if (!projects.review(projectId, version, review.decision(), answer, cost, costReason, mergedInto,
                currentUser.require().accountId(), clock.instant())) {
            throw new OptimisticLockingFailureException("The project changed since it was read");
        }
    }

    /** Staff or an official set when the review of a project is due. */
    @PreAuthorize(REVIEWERS)
    public void setReviewDue(long projectId, LocalDate dueOn) {
        ProjectDetail project = detail(projectId).orElseThrow(() -> InvalidInputException.of("project", "budget.project.not-found"));
        if (!project.can().setDue()) {
            throw InvalidInputException.of("dueOn", "budget.review.closed");
        }
        if (dueOn == null) {
            throw InvalidInputException.of("dueOn", "budget.campaign.date-required");
        }
        projects.setReviewDue(projectId, dueOn);
    }

    // Reading ----------------------------------------------------------------------------------

    /** A project of a campaign the viewer may see; hidden projects for staff and officials only. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<ProjectDetail> detail(long projectId) {
        return projects.find(projectId)
                .filter(p -> !p.hidden() || seesHidden())
                .flatMap(p -> campaigns.detail(p.campaignId()).map(campaign -> detail(p, campaign)));
    }

    private ProjectDetail detail(ProjectRow p, CampaignDetail campaign) {
        boolean reviewer = currentUser.hasRole(Roles.STAFF) || currentUser.hasRole(Roles.OFFICIAL);
        boolean reviewPhase = campaign.phase() == BudgetPhase.SUBMISSION || campaign.phase() == BudgetPhase.REVIEW;
        boolean open = p.status() != ProjectStatus.WITHDRAWN && p.status() != ProjectStatus.SELECTED && p.status() != ProjectStatus.NOT_SELECTED;
        boolean mine = p.authorId() != null && currentUser.get().map(u -> u.accountId() == p.authorId()).orElse(false);
        ProjectCapabilities can = new ProjectCapabilities(reviewer && reviewPhase && open,
                mine && currentUser.hasRole(Roles.RESIDENT) && p.status() == ProjectStatus.SUBMITTED && campaign.phase().submissionOpen(),
                reviewer && reviewPhase && p.status() == ProjectStatus.SUBMITTED);
        Envelope envelope = campaign.envelope(p.envelopeId()).orElseThrow();
        return new ProjectDetail(p.id(), campaign.id(), campaign.title(), campaign.phase(), envelope, p.title(), p.description(), p.location(),
                p.lang(), p.estimatedCostCents(), p.costCents(), p.costReason(), p.status(), p.reviewAnswer(), p.reviewerName(), p.reviewedAt(),
                p.reviewDueOn(), p.mergedInto(), p.mergedIntoTitle(), p.hasPhoto(), p.photoDescription(), p.authorId(), p.authorName(),
                p.createdAt(), p.version(), can);
    }

    /** A page of a campaign's projects, newest first; none for a campaign the viewer may not see. One statement a page. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<ProjectCard> list(long campaignId, ProjectFilter filter, int offset, int limit) {
        if (campaigns.detail(campaignId).isEmpty()) {
            return List.of();
        }
        return projects.list(campaignId, filter == null ? ProjectFilter.all() : filter, seesHidden(), Math.max(0, offset),
                Math.max(1, Math.min(limit, 100)));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public long count(long campaignId, ProjectFilter filter) {
        if (campaigns.detail(campaignId).isEmpty()) {
            return 0;
        }
        return projects.count(campaignId, filter == null ? ProjectFilter.all() : filter, seesHidden());
    }

    /**
     * Up to 5 projects of the campaign whose title resembles the one being typed (French full text,
     * any word, and trigram similarity), so that residents join an existing project instead.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<ProjectCard> similar(long campaignId, String title) {
        String text = TypedText.forSearch(title);
        if (text.length() < 4 || campaigns.detail(campaignId).isEmpty()) {
            return List.of();
        }
        return projects.similar(campaignId, text);
    }

    /** The photo (or its thumbnail) of a project the viewer may see. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<byte[]> photo(long projectId, boolean thumbnail) {
        if (detail(projectId).isEmpty()) {
            return Optional.empty();
        }
        return projects.photo(projectId, thumbnail);
    }

    private boolean seesHidden() {
        return currentUser.hasRole(Roles.STAFF) || currentUser.hasRole(Roles.OFFICIAL);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
