package org.participe.demo;

import java.time.LocalDate;
import java.util.List;

import org.participe.initiatives.InitiativeStatus;
import org.participe.initiatives.PhaseDraft;

/** Initiatives of the demo town, dated around today so that phases are past, current and coming. */
final class DemoInitiatives {

    record Initiative(String title, String summary, String description, int category, List<Integer> neighbourhoods, Long budget,
                      InitiativeStatus status, int progress, String contact, List<PhaseDraft> phases, List<Integer> ideas,
                      List<String[]> updates, boolean followedByDemoResident) {
    }

    private DemoInitiatives() {
    }

    static List<Initiative> all(LocalDate today) {
        return List.of(
                new Initiative("Rénovation du parc du Centre-ville",
                        "Plus d’ombre, de bancs et de jeux pour les enfants, et un parc accessible à tous.",
                        "Le parc du Centre-ville sera rénové en trois étapes. Les habitants ont été consultés au printemps ; les travaux commencent par les allées et l’éclairage.\n\nLe parc restera ouvert pendant les travaux, avec des zones fermées signalées.",
                        0, List.of(0), 480_000L, InitiativeStatus.IN_PROGRESS, 40, "Service des espaces verts — 01 60 00 00 00",
                        List.of(new PhaseDraft("Concertation", today.minusMonths(8), today.minusMonths(6), "Ateliers et questionnaire."),
                                new PhaseDraft("Études et permis", today.minusMonths(6), today.minusMonths(1), ""),
                                new PhaseDraft("Travaux des allées et de l’éclairage", today.minusMonths(1), today.plusMonths(2), ""),
                                new PhaseDraft("Plantations et mobilier", today.plusMonths(2), today.plusMonths(5), "")),
                        List.of(1, 16),
                        List.<String[]>of(new String[]{"Les travaux des allées ont commencé", "Les entreprises sont à l’œuvre depuis lundi. L’entrée rue de Meaux est fermée jusqu’à la fin du mois ; passez par l’avenue."},
                                new String[]{"Huit bancs ombragés commandés", "Suite à l’idée d’une habitante, huit bancs seront posés sous les tilleuls avant l’été."}),
                        true),
                new Initiative("Piste cyclable de la gare",
                        "Une liaison cyclable sûre entre le centre et la gare, étudiée avec le Département.",
                        "La ville et le Département étudient une piste séparée de la circulation sur l’avenue de la gare. Une réunion publique présentera les tracés possibles.",
                        1, List.of(4, 0), 1_200_000L, InitiativeStatus.CONSULTATION, 10, "Service mobilité",
                        List.of(new PhaseDraft("Diagnostic", today.minusMonths(3), today.minusWeeks(2), ""),
                                new PhaseDraft("Concertation des riverains", today.minusWeeks(2), today.plusMonths(1), "Réunion publique et permanences."),
                                new PhaseDraft("Choix du tracé", today.plusMonths(1), today.plusMonths(3), "")),
                        List.of(0),
                        List.<String[]>of(new String[]{"Réunion publique le 12 à 19 h", "Salle des fêtes : présentation des trois tracés étudiés, puis échanges avec les habitants."}),
                        true),
                new Initiative("Budget citoyen 2027",
                        "10 € par habitant pour des projets d’investissement proposés et votés par les habitants.",
                        "Le budget citoyen permettra de financer des projets proposés par les habitants : dépôt des projets, étude de faisabilité par les services, vote, puis réalisation.",
                        4, List.of(), 265_000L, InitiativeStatus.PLANNED, 0, "Service démocratie locale",
                        List.of(new PhaseDraft("Dépôt des projets", today.plusMonths(2), today.plusMonths(3), ""),
                                new PhaseDraft("Étude de faisabilité", today.plusMonths(3), today.plusMonths(5), ""),
                                new PhaseDraft("Vote", today.plusMonths(5), today.plusMonths(6), "")),
                        List.of(), List.of(), false),
                new Initiative("Éclairage LED des rues du Vieux Pays",
                        "Un éclairage public plus sobre et plus sûr, avec des lampadaires LED.",
                        "Les 120 lampadaires du Vieux Pays ont été remplacés par des LED : la consommation baisse de 60 %, et les passages piétons sont mieux éclairés.",
                        8, List.of(1), 210_000L, InitiativeStatus.DONE, 100, "Services techniques",
                        List.of(new PhaseDraft("Travaux", today.minusMonths(6), today.minusMonths(2), "")),
                        List.of(5),
                        List.<String[]>of(new String[]{"Chantier terminé", "Tous les lampadaires sont remplacés. Merci aux riverains pour leur patience."}),
                        false),
                new Initiative("Navette électrique du marché",
                        "Projet de navette gratuite le samedi vers le marché, abandonné au profit du transport à la demande.",
                        "Après étude, une navette régulière coûterait cher pour peu de voyageurs. La ville lui préfère un transport à la demande pour les seniors, à l’étude avec le CCAS.",
                        1, List.of(), null, InitiativeStatus.CANCELLED, 0, "Service mobilité",
                        List.of(), List.of(8), List.of(), false));
    }
}
