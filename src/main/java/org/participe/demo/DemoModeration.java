package org.participe.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaHistory;
import org.participe.ideas.IdeaService;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.ModerationHistory;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.security.ParticipeUser;
import org.participe.security.RunAs;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The officials' workspace with something in every tab: comments flagged and one hidden by its
 * flags, ideas waiting for pre-moderation, assignments, answer templates, and a history of answers
 * spread over past months (dated through the owners' history services: the use cases always use
 * today) so that the public follow-up page shows figures.
 */
@Component
@ConditionalOnProperty(name = "participe.demo.enabled", havingValue = "true")
class DemoModeration {

    private final ModerationService moderation;
    private final FollowUpService followUp;
    private final IdeaService ideas;
    private final CommentService comments;
    private final TownService town;
    private final IdeaHistory ideaHistory;
    private final ModerationHistory moderationHistory;
    private final DemoCalendar calendar;

    DemoModeration(ModerationService moderation, FollowUpService followUp, IdeaService ideas, CommentService comments,
                   TownService town, IdeaHistory ideaHistory, ModerationHistory moderationHistory, DemoCalendar calendar) {
        this.moderation = moderation;
        this.followUp = followUp;
        this.ideas = ideas;
        this.comments = comments;
        this.town = town;
        this.ideaHistory = ideaHistory;
        this.moderationHistory = moderationHistory;
        this.calendar = calendar;
    }

    void seed(List<ParticipeUser> residents, ParticipeUser official, List<Long> ideaIds, long categoryId, DemoLedger seeded) {
        shapeHistory(ideaIds, seeded);
        RunAs.user(official, () -> {
            followUp.saveTemplate(null, "Transmis à un autre décideur", "Merci pour cette proposition. Elle relève de la compétence "
                    + "du département (ou de l’intercommunalité) : la ville la lui a transmise et vous tiendra informé·e de sa réponse.", 0);
            followUp.saveTemplate(null, "Étude en cours par les services", "Merci pour cette idée soutenue par de nombreux habitant·es. "
                    + "Les services de la ville étudient sa faisabilité technique et son coût ; une réponse détaillée suivra.", 0);
            followUp.saveTemplate(null, "Refus motivé (budget)", "Merci pour cette proposition. Elle ne peut pas être retenue cette "
                    + "année : son coût dépasse le budget disponible. Elle pourra être proposée au budget citoyen.", 0);
        });

        long rude = RunAs.user(residents.get(5), () -> comments.post(ContentKey.idea(ideaIds.get(0)), null,
                "Encore une idée de gens qui n’ont que ça à faire, franchement ridicule."));
        seeded.comments.add(new DemoLedger.Comment(rude, ideaIds.get(0), residents.get(5).accountId()));
        RunAs.user(residents.get(6), () -> moderation.flag(ContentKey.comment(rude), ModerationReason.ABUSE, "Ton méprisant envers l’auteure"));
        RunAs.user(residents.get(7), () -> moderation.flag(ContentKey.comment(rude), ModerationReason.ABUSE, null));

        long spam = RunAs.user(residents.get(8), () -> comments.post(ContentKey.idea(ideaIds.get(1)), null,
                "Panneaux solaires à prix cassés, contactez-moi en message privé pour une remise exceptionnelle !"));
        seeded.comments.add(new DemoLedger.Comment(spam, ideaIds.get(1), residents.get(8).accountId()));
        for (int i = 9; i < 12; i++) {
            ParticipeUser flagger = residents.get(i);
            RunAs.user(flagger, () -> moderation.flag(ContentKey.comment(spam), ModerationReason.SPAM, null));
        }
        RunAs.user(residents.get(12), () -> moderation.flag(ContentKey.idea(ideaIds.get(20)), ModerationReason.OFF_TOPIC,
                "Cela concerne une autre commune."));

        long personal = RunAs.user(residents.get(13), () -> comments.post(ContentKey.idea(ideaIds.get(2)), null,
                "Le problème vient du voisin du 14 rue des Lilas, M. Dupont, qui se gare toujours devant."));
        seeded.comments.add(new DemoLedger.Comment(personal, ideaIds.get(2), residents.get(13).accountId()));
        RunAs.user(official, () -> moderation.hide(List.of(moderation.current(ContentKey.comment(personal))), ModerationReason.PERSONAL_DATA,
                "Merci de ne pas nommer de particuliers : reformulez sans nom ni adresse."));

        TownProfile rules = town.profile();
        town.update(TownSettingsUpdate.from(rules).withPreModeration(true));
        RunAs.user(residents.get(14), () -> ideas.propose(new IdeaDraft("Un concours de façades fleuries par quartier",
                "Chaque printemps, un concours récompenserait les façades et balcons les plus fleuris de chaque quartier.", categoryId, null, null)));
        RunAs.user(residents.get(15), () -> ideas.propose(new IdeaDraft("Des cours de premiers secours gratuits",
                "Proposer deux fois par an une initiation gratuite aux gestes qui sauvent, ouverte à tous dès 12 ans.", categoryId, null, null)));
        town.update(TownSettingsUpdate.from(town.profile()).withPreModeration(rules.preModeration()));

        LocalDate inThreeWeeks = LocalDate.now(TownZone.zone()).plusWeeks(3);
        RunAs.user(official, () -> followUp.assign(List.of(moderation.current(ContentKey.idea(ideaIds.get(4)))), official.accountId(),
                "Service voirie", inThreeWeeks));
    }

    /**
     * Dates answered ideas over the last months (published, answer expected, due, answered), one
     * idea overdue, and four unanswered ones published long ago, through the owners' history
     * services: the use cases always date "now".
     */
    private void shapeHistory(List<Long> ideaIds, DemoLedger seeded) {
        List<Long> answered = seeded.answeredIdeas;
        List<Integer> days = new ArrayList<>();
        for (int n = 1; n <= answered.size(); n++) {
            days.addAll(List.of(30 + n * 23, 24 + n * 23, 3 + n * 23, 30 + n * 23 - 9 - (n * 11) % 28));
        }
        days.addAll(List.of(41, 9));
        List<Long> longAgo = ideaIds.subList(5, 9).stream().filter(id -> !answered.contains(id)).toList();
        longAgo.forEach(id -> days.add(50 + (int) (id % 20)));
        List<Instant> ago = calendar.before(Collections.<Instant>nCopies(days.size(), null), days, Collections.nCopies(days.size(), 0));

        Map<Long, IdeaHistory.DatedIdea> dated = new LinkedHashMap<>();
        Map<Long, ModerationHistory.FollowUpDates> followUps = new LinkedHashMap<>();
        Map<Long, Instant> answers = new LinkedHashMap<>();
        for (int i = 0; i < answered.size(); i++) {
            long id = answered.get(i);
            Instant published = ago.get(4 * i);
            dated.put(id, new IdeaHistory.DatedIdea(id, published, published));
            followUps.put(id, new ModerationHistory.FollowUpDates(ContentKey.idea(id), ago.get(4 * i + 1), ago.get(4 * i + 2), ago.get(4 * i + 3)));
            answers.put(id, ago.get(4 * i + 3));
        }
        int next = 4 * answered.size();
        long overdue = ideaIds.get(3);
        dated.put(overdue, new IdeaHistory.DatedIdea(overdue, ago.get(next), ago.get(next)));
        var earlier = followUps.get(overdue);
        followUps.put(overdue, new ModerationHistory.FollowUpDates(ContentKey.idea(overdue),
                earlier == null ? null : earlier.answerExpectedSince(), ago.get(next + 1), earlier == null ? null : earlier.answeredAt()));
        for (int i = 0; i < longAgo.size(); i++) {
            long id = longAgo.get(i);
            dated.put(id, new IdeaHistory.DatedIdea(id, ideas.detail(id).orElseThrow().createdAt(), ago.get(next + 2 + i)));
        }
        ideaHistory.datePublications(dated.values());
        moderationHistory.dateFollowUps(followUps.values());
        ideaHistory.dateAnswers(answers);
        seeded.datedIdeas.putAll(dated);
    }
}
