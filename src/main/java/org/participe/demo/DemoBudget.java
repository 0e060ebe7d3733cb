package org.participe.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.participe.base.TownZone;
import org.participe.budget.BallotKind;
import org.participe.budget.CampaignDetail;
import org.participe.budget.CampaignDraft;
import org.participe.budget.CampaignService;
import org.participe.budget.CountingRule;
import org.participe.budget.Envelope;
import org.participe.budget.EnvelopeDraft;
import org.participe.budget.ProjectDraft;
import org.participe.budget.ProjectReview;
import org.participe.budget.ProjectService;
import org.participe.budget.ProjectStatus;
import org.participe.security.ParticipeUser;
import org.participe.security.RunAs;
import org.participe.town.Neighbourhood;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two citizens' budget campaigns of the demo town: « Budget participatif 2027 », in its vote now,
 * and « Budget participatif 2026 », closed. Each is written while its submission is open (as staff
 * would), its projects proposed by residents and reviewed by the official, then dated where it stands.
 * Ballots and results are the vote's.
 */
@Component
class DemoBudget {

    private static final Logger log = LoggerFactory.getLogger(DemoBudget.class);
    private static final String RULES = """
            Le budget participatif finance des projets d’investissement proposés par les habitants : aménagements, équipements, \
            végétalisation. Les dépenses de fonctionnement (salaires, entretien courant, subventions) n’en font pas partie.

            Tout habitant de Villeparisis peut proposer un projet. Les services de la ville étudient la faisabilité de chacun \
            (coût, terrain, délais) et publient une réponse motivée. Les projets faisables sont soumis au vote des habitants de \
            16 ans et plus. Le conseil de participation citoyenne vérifie que ce règlement est respecté.""";

    /** A project: its title, description, place, cost in euros, and whether it asks the neighbourhood's envelope. */
    private record Project(String title, String description, String location, long euros, boolean neighbourhood) {
    }

    private static final List<Project> PROJECTS_2027 = List.of(
            new Project("Des bancs ombragés au parc du Centre-ville", "Huit bancs sous les tilleuls, avec des accoudoirs pour les personnes âgées, près de l’aire de jeux.", "Parc du Centre-ville", 18_000, false),
            new Project("Un abri vélos sécurisé à la gare", "Un abri fermé de quarante places, accessible avec la carte de transport, pour laisser son vélo sans crainte.", "Gare de Villeparisis", 45_000, false),
            new Project("Un jardin partagé aux Petits Marais", "Des bacs de culture, un composteur et un récupérateur d’eau de pluie, gérés par une association d’habitants.", "Square des Petits Marais", 22_000, false),
            new Project("Des fontaines à eau dans les parcs", "Trois fontaines d’eau potable pour les promeneurs, les sportifs et les enfants, ouvertes d’avril à octobre.", "Parcs de la ville", 15_000, false),
            new Project("Une aire de street workout", "Des agrès de musculation en libre accès, pour les jeunes et les moins jeunes, près du stade.", "Stade municipal", 35_000, false),
            new Project("Des boîtes à livres dans chaque quartier", "Six boîtes à livres fabriquées par les élèves du lycée professionnel, une par quartier.", "Tous les quartiers", 6_000, false),
            new Project("Planter cent arbres le long des avenues", "Des arbres d’alignement pour rafraîchir les avenues les plus chaudes l’été.", "Avenues principales", 60_000, false),
            new Project("Un terrain de pétanque éclairé", "Un terrain de six pistes avec un éclairage qui s’éteint à 22 h, et deux bancs.", "Bois Fleuri", 12_000, false),
            new Project("Des toilettes publiques accessibles", "Des toilettes automatiques accessibles aux fauteuils, près du marché et des commerces.", "Place du marché", 40_000, false),
            new Project("Des passages piétons plus sûrs devant les écoles", "Des plateaux surélevés et un éclairage renforcé devant trois écoles élémentaires.", "Écoles élémentaires", 48_000, false),
            new Project("Une cabane à jeux nature pour les petits", "Une structure en bois naturel pour les enfants de 2 à 6 ans, avec un sol souple.", "Parc du Centre-ville", 25_000, false),
            new Project("Des nichoirs et un hôtel à insectes", "Vingt nichoirs et deux hôtels à insectes, posés avec les écoles pour observer la biodiversité.", "Bois Fleuri", 4_000, false),
            new Project("Rénover le lavoir du Vieux Pays", "Restaurer le lavoir et ses abords, avec un panneau qui raconte son histoire.", "Rue du Lavoir", 28_000, true),
            new Project("Des bancs et un point d’eau place de l’église", "Rendre la place plus agréable pour se retrouver : bancs, fontaine et deux arbres.", "Place de l’église", 14_000, true),
            new Project("Un éclairage doux du chemin des écoliers", "Des bornes lumineuses à détecteur de présence le long du chemin qui mène à l’école.", "Chemin des écoliers", 9_500, true));

    private static final List<Project> PROJECTS_2026 = List.of(
            new Project("Un skatepark pour les jeunes", "Un espace de glisse en béton pour skate, trottinette et BMX, conçu avec les jeunes de la ville.", "Parc des sports", 80_000, false),
            new Project("Des composteurs collectifs en pied d’immeuble", "Dix composteurs collectifs avec un référent formé dans chaque résidence.", "Résidences de la ville", 9_000, false),
            new Project("Une piste cyclable vers le collège", "Un marquage et des séparateurs pour aller au collège à vélo en sécurité.", "Avenue du Général de Gaulle", 55_000, false),
            new Project("Des tables de pique-nique au bois", "Dix tables de pique-nique et des poubelles de tri, pour profiter du bois en famille.", "Bois Fleuri", 11_000, false),
            new Project("Une salle de musique pour les associations", "Isoler une salle municipale pour les répétitions des groupes de musique amateurs.", "Maison des associations", 38_000, false),
            new Project("Des bornes de recharge pour vélos électriques", "Quatre bornes près des commerces, gratuites, pour recharger en faisant ses courses.", "Centre-ville", 16_000, false),
            new Project("Un mur d’expression pour le graffiti", "Un mur mis à disposition des artistes, avec des ateliers pour les jeunes.", "La Gare", 7_000, false),
            new Project("Un potager pédagogique à l’école", "Des bacs de culture et des outils pour que les élèves jardinent toute l’année.", "École Jean Jaurès", 6_500, false));

    private final CampaignService campaigns;
    private final ProjectService projects;

    DemoBudget(CampaignService campaigns, ProjectService projects) {
        this.campaigns = campaigns;
        this.projects = projects;
    }

    /** Seeds both campaigns; {@code residents} propose, {@code staff} writes, {@code official} reviews. */
    void seed(ParticipeUser staff, ParticipeUser official, List<ParticipeUser> residents, Neighbourhood vieuxPays) {
        LocalDate today = LocalDate.now(TownZone.zone());
        long current = campaign(staff, official, residents, "Budget participatif 2027", 200_000, vieuxPays, 40_000, PROJECTS_2027, 0);
        redate(staff, current, today.minusDays(80), today.minusDays(45), today.minusDays(7), today.plusDays(14), null);
        long past = campaign(staff, official, residents, "Budget participatif 2026", 180_000, null, 0, PROJECTS_2026, PROJECTS_2027.size());
        redate(staff, past, today.minusDays(330), today.minusDays(290), today.minusDays(250), today.minusDays(230), today.minusDays(150));
        log.info("Demo data: 2 citizens' budget campaigns, {} projects", PROJECTS_2027.size() + PROJECTS_2026.size() + 4);
    }

    private long campaign(ParticipeUser staff, ParticipeUser official, List<ParticipeUser> residents, String title, long wholeTown,
                          Neighbourhood place, long placeAmount, List<Project> list, int firstAuthor) {
        LocalDate today = LocalDate.now(TownZone.zone());
        List<EnvelopeDraft> envelopes = new ArrayList<>(List.of(new EnvelopeDraft(null, wholeTown)));
        if (place != null) {
            envelopes.add(new EnvelopeDraft(place.id(), placeAmount));
        }
        long id = RunAs.user(staff, () -> campaigns.create(new CampaignDraft(title, RULES, envelopes, today.minusDays(1), today.plusDays(30),
                today.plusDays(60), today.plusDays(80), null, 16, BallotKind.WITHIN_BUDGET, null, CountingRule.EQUAL_SHARES, true)));
        CampaignDetail campaign = RunAs.user(staff, () -> campaigns.detail(id)).orElseThrow();
        long town = campaign.envelopes().stream().filter(Envelope::wholeTown).findFirst().orElseThrow().id();
        long quarter = campaign.envelopes().stream().filter(e -> !e.wholeTown()).map(Envelope::id).findFirst().orElse(town);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Project project = list.get(i);
            ParticipeUser author = residents.get((firstAuthor + i) % residents.size());
            ids.add(RunAs.user(author, () -> projects.propose(id, new ProjectDraft(project.title(), project.description(),
                    project.neighbourhood() ? quarter : town, project.location(), project.euros(), null, null))));
        }
        for (int i = 0; i < ids.size(); i++) {
            long projectId = ids.get(i);
            Long corrected = i == 1 ? list.get(i).euros() + 7_000 : null;
            RunAs.user(official, () -> projects.review(projectId, new ProjectReview(ProjectStatus.FEASIBLE,
                    "Les services techniques ont étudié ce projet : il est réalisable dans l’année, sur un terrain de la ville.",
                    corrected, corrected == null ? null : "Le génie civil et le raccordement électrique s’ajoutent au devis.", null),
                    projects.detail(projectId).orElseThrow().version()));
        }
        ParticipeUser late = residents.get((firstAuthor + list.size()) % residents.size());
        long notFeasible = RunAs.user(late, () -> projects.propose(id, new ProjectDraft("Une piscine municipale couverte",
                "Une piscine de 25 mètres couverte, ouverte toute l’année aux écoles et aux familles.", town, "Près du stade", 150_000L, null, null)));
        RunAs.user(official, () -> projects.review(notFeasible, new ProjectReview(ProjectStatus.NOT_FEASIBLE,
                "Une piscine coûte plusieurs millions d’euros et son fonctionnement bien davantage : elle dépasse ce que le budget "
                        + "participatif peut financer. La ville étudie un partenariat avec l’intercommunalité.", null, null, null),
                projects.detail(notFeasible).orElseThrow().version()));
        ParticipeUser twin = residents.get((firstAuthor + list.size() + 1) % residents.size());
        long duplicate = RunAs.user(twin, () -> projects.propose(id, new ProjectDraft(list.getFirst().title() + " et ailleurs",
                "Une proposition très proche de celle d’un autre habitant, pour les mêmes usages.", town, list.getFirst().location(),
                list.getFirst().euros(), null, null)));
        RunAs.user(official, () -> projects.review(duplicate, new ProjectReview(ProjectStatus.MERGED,
                "Ce projet rejoint un projet semblable, déposé plus tôt : ses soutiens pourront voter pour celui-ci.", null, null, ids.getFirst()),
                projects.detail(duplicate).orElseThrow().version()));
        return id;
    }

    private void redate(ParticipeUser staff, long id, LocalDate submission, LocalDate review, LocalDate vote, LocalDate until,
                        LocalDate implementation) {
        CampaignDetail campaign = RunAs.user(staff, () -> campaigns.detail(id)).orElseThrow();
        RunAs.user(staff, () -> campaigns.update(id, new CampaignDraft(campaign.title(), campaign.rules(),
                campaign.envelopes().stream().map(e -> new EnvelopeDraft(e.neighbourhoodId(), e.amountCents() / 100)).toList(),
                submission, review, vote, until, implementation, campaign.minimumAge(), campaign.ballotKind(), campaign.maxProjects(),
                campaign.countingRule(), true), campaign.version()));
    }
}
