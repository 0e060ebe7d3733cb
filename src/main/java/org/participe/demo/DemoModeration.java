package org.participe.demo;

import java.time.LocalDate;
import java.util.List;

import org.participe.base.TownZone;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.moderation.ContentRef;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.security.ParticipeUser;
import org.participe.security.RunAs;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The officials' workspace with something in every tab: comments flagged and one hidden by its
 * flags, ideas waiting for pre-moderation, assignments, answer templates, and a history of answers
 * spread over past months (dates shifted in SQL: the services always use today) so that the
 * public follow-up page shows figures.
 */
@Component
@ConditionalOnProperty(name = "participe.demo.enabled", havingValue = "true")
class DemoModeration {

    private final ModerationService moderation;
    private final FollowUpService followUp;
    private final IdeaService ideas;
    private final CommentService comments;
    private final TownService town;
    private final JdbcClient jdbc;

    DemoModeration(ModerationService moderation, FollowUpService followUp, IdeaService ideas, CommentService comments,
                   TownService town, JdbcClient jdbc) {
        this.moderation = moderation;
        this.followUp = followUp;
        this.ideas = ideas;
        this.comments = comments;
        this.town = town;
        this.jdbc = jdbc;
    }

    void seed(List<ParticipeUser> residents, ParticipeUser official, List<Long> ideaIds, long categoryId) {
        shapeHistory(ideaIds);
        RunAs.user(official, () -> {
            followUp.saveTemplate(null, "Transmis à un autre décideur", "Merci pour cette proposition. Elle relève de la compétence "
                    + "du département (ou de l’intercommunalité) : la ville la lui a transmise et vous tiendra informé·e de sa réponse.", 0);
            followUp.saveTemplate(null, "Étude en cours par les services", "Merci pour cette idée soutenue par de nombreux habitant·es. "
                    + "Les services de la ville étudient sa faisabilité technique et son coût ; une réponse détaillée suivra.", 0);
            followUp.saveTemplate(null, "Refus motivé (budget)", "Merci pour cette proposition. Elle ne peut pas être retenue cette "
                    + "année : son coût dépasse le budget disponible. Elle pourra être proposée au budget citoyen.", 0);
        });

        long rude = RunAs.user(residents.get(5), () -> comments.post("IDEA", ideaIds.get(0), null,
                "Encore une idée de gens qui n’ont que ça à faire, franchement ridicule."));
        RunAs.user(residents.get(6), () -> moderation.flag(ContentRef.comment(rude), ModerationReason.ABUSE, "Ton méprisant envers l’auteure"));
        RunAs.user(residents.get(7), () -> moderation.flag(ContentRef.comment(rude), ModerationReason.ABUSE, null));

        long spam = RunAs.user(residents.get(8), () -> comments.post("IDEA", ideaIds.get(1), null,
                "Panneaux solaires à prix cassés, contactez-moi en message privé pour une remise exceptionnelle !"));
        for (int i = 9; i < 12; i++) {
            ParticipeUser flagger = residents.get(i);
            RunAs.user(flagger, () -> moderation.flag(ContentRef.comment(spam), ModerationReason.SPAM, null));
        }
        RunAs.user(residents.get(12), () -> moderation.flag(ContentRef.idea(ideaIds.get(20)), ModerationReason.OFF_TOPIC,
                "Cela concerne une autre commune."));

        long personal = RunAs.user(residents.get(13), () -> comments.post("IDEA", ideaIds.get(2), null,
                "Le problème vient du voisin du 14 rue des Lilas, M. Dupont, qui se gare toujours devant."));
        RunAs.user(official, () -> moderation.hide(List.of(moderation.current(ContentRef.comment(personal))), ModerationReason.PERSONAL_DATA,
                "Merci de ne pas nommer de particuliers : reformulez sans nom ni adresse."));

        TownProfile rules = town.profile();
        town.update(TownSettingsUpdate.from(rules).withPreModeration(true));
        RunAs.user(residents.get(14), () -> ideas.propose(new IdeaDraft("Un concours de façades fleuries par quartier",
                "Chaque printemps, un concours récompenserait les façades et balcons les plus fleuris de chaque quartier.", categoryId, null, null)));
        RunAs.user(residents.get(15), () -> ideas.propose(new IdeaDraft("Des cours de premiers secours gratuits",
                "Proposer deux fois par an une initiation gratuite aux gestes qui sauvent, ouverte à tous dès 12 ans.", categoryId, null, null)));
        town.update(TownSettingsUpdate.from(town.profile()).withPreModeration(rules.preModeration()));

        LocalDate inThreeWeeks = LocalDate.now(TownZone.zone()).plusWeeks(3);
        RunAs.user(official, () -> followUp.assign(List.of(moderation.current(ContentRef.idea(ideaIds.get(4)))), official.accountId(),
                "Service voirie", inThreeWeeks));
    }

    /** Moves dates back so that answers, due dates and an overdue idea spread over the last months. */
    private void shapeHistory(List<Long> ideaIds) {
        jdbc.sql("""
                        with answered as (
                            select id, row_number() over (order by content_id) as n from moderation_item
                            where content_type = 'IDEA' and answered_at is not null)
                        update moderation_item m
                           set published_at = now() - make_interval(days => (30 + a.n * 23)::int),
                               content_created_at = now() - make_interval(days => (30 + a.n * 23)::int),
                               answer_expected_since = now() - make_interval(days => (24 + a.n * 23)::int),
                               due_at = now() - make_interval(days => (3 + a.n * 23)::int),
                               answered_at = now() - make_interval(days => (30 + a.n * 23 - 9 - (a.n * 11) % 28)::int)
                        from answered a where a.id = m.id""").update();
        jdbc.sql("""
                        update moderation_item set due_at = now() - interval '9 days',
                               published_at = now() - interval '41 days', content_created_at = now() - interval '41 days'
                        where content_type = 'IDEA' and content_id = ?""").param(ideaIds.get(3)).update();
        jdbc.sql("""
                        update moderation_item set published_at = now() - make_interval(days => (50 + content_id % 20)::int)
                        where content_type = 'IDEA' and content_id in (:ids) and answered_at is null""")
                .param("ids", ideaIds.subList(5, 9)).update();
        jdbc.sql("""
                        update idea i set published_at = m.published_at, created_at = m.content_created_at,
                               last_answered_at = m.answered_at
                        from moderation_item m where m.content_type = 'IDEA' and m.content_id = i.id and m.content_id in (:ids)""")
                .param("ids", ideaIds).update();
        jdbc.sql("""
                        update idea_event e set occurred_at = case e.kind
                                   when 'PUBLISHED' then i.published_at
                                   when 'THRESHOLD_REACHED' then coalesce(i.threshold_reached_at, e.occurred_at)
                                   when 'OFFICIAL_ANSWER' then coalesce(i.last_answered_at, e.occurred_at)
                                   else e.occurred_at end
                        from idea i where i.id = e.idea_id and i.id in (:ids)""")
                .param("ids", ideaIds).update();
    }
}
