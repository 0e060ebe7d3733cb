package org.participe.demo;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.participe.accounts.AccountService;
import org.participe.accounts.ImportedAccount;
import org.participe.accounts.Sex;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.follows.FollowService;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.reporting.ReportingService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.RunAs;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with an illustrative town (Villeparisis), one account per role and a few
 * dozen residents, in demo mode only (the run command's default; never the production build).
 * It goes through the services, as an administrator would.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "participe.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Participe-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] FEMALE = {"Camille", "Léa", "Fatou", "Inès", "Chloé", "Sofia", "Manon", "Aïcha",
            "Émilie", "Julie", "Nadia", "Sarah", "Lucie", "Yasmine", "Claire", "Amandine", "Océane", "Mélissa", "Rose", "Anaïs"};
    private static final String[] MALE = {"Lucas", "Mohamed", "Hugo", "Karim", "Thomas", "Mamadou", "Nicolas", "Julien",
            "Yanis", "Pierre", "Antoine", "Rayan", "Bruno", "Sébastien", "Kevin", "Adrien", "Samuel", "Olivier", "Théo", "Ibrahim"};
    private static final String[] SURNAMES = {"Martin", "Bernard", "Dubois", "Petit", "Diallo", "Moreau", "Laurent", "Benali",
            "Garcia", "Rousseau", "Fontaine", "Nguyen", "Lefèvre", "Traoré", "Mercier", "Da Silva", "Girard", "Haddad"};

    private final TownService town;
    private final AccountService accounts;
    private final IdeaService ideas;
    private final CommentService commentService;
    private final InitiativeService initiatives;
    private final FollowService follows;
    private final DemoModeration moderation;
    private final DemoHistory history;
    private final ReportingService reporting;
    private final DemoBudget budget;
    private final TransactionTemplate oneTransaction;

    DemoData(TownService town, AccountService accounts, IdeaService ideas, CommentService commentService,
             InitiativeService initiatives, FollowService follows, DemoModeration moderation, DemoHistory history,
             ReportingService reporting, DemoBudget budget, PlatformTransactionManager transactions) {
        this.budget = budget;
        this.oneTransaction = new TransactionTemplate(transactions);
        this.moderation = moderation;
        this.reporting = reporting;
        this.town = town;
        this.accounts = accounts;
        this.ideas = ideas;
        this.commentService = commentService;
        this.initiatives = initiatives;
        this.follows = follows;
        this.history = history;
    }

    /**
     * Seeds in one transaction: stopped half-way (Ctrl-C in the first seconds of the run command) or
     * failing, it leaves the database as it found it, and the next start seeds again. A town without
     * accounts, which an interrupted seeding left before seeding was one transaction, is completed.
     */
    @Override
    public void run(ApplicationArguments args) {
        long existing = accounts.countAccounts();
        if (existing > 0) {
            log.info("Demo data: already present ({} accounts), nothing to do", existing);
            return;
        }
        var previous = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "demo-data", null, AuthorityUtils.createAuthorityList("ROLE_" + Roles.ADMIN)));
            if (town.profile().version() < 0 && town.neighbourhoods().isEmpty() && town.categories().isEmpty()) {
                log.info("Demo data: empty database, seeding…");
            } else {
                log.info("Demo data: a town without accounts (a seeding interrupted by an earlier version), resuming…");
            }
            oneTransaction.executeWithoutResult(status -> seed());
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Ideas by residents, supported with a realistic skew (a few ideas get most supports), discussed, some answered. */
    private List<Long> seedIdeas(List<ImportedAccount> people, List<Long> ids, Random random, DemoLedger seeded) {
        List<Long> ideaIds = new ArrayList<>();
        List<ParticipeUser> residents = new ArrayList<>();
        for (int i = 3; i < people.size(); i++) {
            residents.add(user(ids.get(i), people.get(i)));
        }
        ParticipeUser official = user(ids.get(1), people.get(1));
        List<Category> categories = town.categories();
        List<Neighbourhood> neighbourhoods = town.neighbourhoods();
        int supports = 0;
        int comments = 0;
        for (int i = 0; i < DemoIdeas.ALL.size(); i++) {
            DemoIdeas.Idea idea = DemoIdeas.ALL.get(i);
            ParticipeUser author = residents.get((i * 7 + 1) % residents.size());
            long id = as(author, () -> ideas.propose(new IdeaDraft(idea.title(), idea.description(),
                    categories.get(idea.category()).id(), idea.neighbourhood() < 0 ? null : neighbourhoods.get(idea.neighbourhood()).id(), null)));
            ideaIds.add(id);
            seeded.ideas.add(new DemoLedger.Idea(id, author.accountId()));
            int supporters = Math.max(0, (int) Math.round(36 * Math.exp(-i / 5.0)) + random.nextInt(3));
            for (int s = 0; s < supporters && s < residents.size(); s++) {
                ParticipeUser supporter = residents.get((i + s * 3) % residents.size());
                if (supporter.accountId() != author.accountId()) {
                    as(supporter, () -> ideas.support(id));
                    seeded.supports.add(new DemoLedger.Support(id, supporter.accountId()));
                    supports++;
                }
            }
            for (int c = 0; c < idea.comments().size(); c++) {
                ParticipeUser commenter = residents.get((i * 5 + c * 11 + 2) % residents.size());
                String text = idea.comments().get(c);
                long commentId = as(commenter, () -> commentService.post(ContentKey.idea(id), null, text));
                seeded.comments.add(new DemoLedger.Comment(commentId, id, commenter.accountId()));
                comments++;
            }
            if (idea.status().equals("WITHDRAWN")) {
                as(author, () -> ideas.withdraw(id));
            } else if (!idea.status().equals("PUBLISHED")) {
                as(official, () -> ideas.answer(id, IdeaStatus.valueOf(idea.status()), idea.answer(), ideas.detail(id).orElseThrow().version()));
                seeded.answeredIdeas.add(id);
            }
        }
        log.info("Demo data: {} ideas, {} supports, {} comments", DemoIdeas.ALL.size(), supports, comments);
        return ideaIds;
    }

    /** Initiatives in every status, with phases, updates and linked ideas; the demo resident follows two. */
    private void seedInitiatives(List<ImportedAccount> people, List<Long> ids, List<Long> ideaIds) {
        ParticipeUser staff = user(ids.get(2), people.get(2));
        ParticipeUser resident = user(ids.get(3), people.get(3));
        List<Category> categories = town.categories();
        List<Neighbourhood> neighbourhoods = town.neighbourhoods();
        LocalDate today = LocalDate.now(TownZone.zone());
        int count = 0;
        for (DemoInitiatives.Initiative item : DemoInitiatives.all(today)) {
            Set<Long> places = new HashSet<>();
            item.neighbourhoods().forEach(index -> places.add(neighbourhoods.get(index).id()));
            long id = as(staff, () -> initiatives.create(new InitiativeDraft(item.title(), item.summary(), item.description(),
                    categories.get(item.category()).id(), places, item.budget(), item.status(), item.progress(), item.contact(),
                    item.phases(), null)));
            as(staff, () -> initiatives.publish(id));
            for (int ideaIndex : item.ideas()) {
                as(staff, () -> initiatives.linkIdea(id, ideaIds.get(ideaIndex), item.status() == InitiativeStatus.IN_PROGRESS));
            }
            if (item.followedByDemoResident()) {
                as(resident, () -> follows.follow(ContentKey.initiative(id)));
            }
            for (String[] update : item.updates()) {
                as(staff, () -> initiatives.postUpdate(id, update[0], update[1]));
            }
            count++;
        }
        log.info("Demo data: {} initiatives", count);
    }

    /** Illustrative figures of the right order for a town of 26,000 (residents aged 16 and over), with their source said as such. */
    private void seedReferencePopulation(ParticipeUser admin, List<Neighbourhood> neighbourhoods) {
        Map<String, Integer> populations = new HashMap<>();
        int[] perNeighbourhood = {4200, 2600, 3900, 3300, 3700, 3100};
        for (int i = 0; i < neighbourhoods.size(); i++) {
            populations.put("NEIGHBOURHOOD:" + neighbourhoods.get(i).id(), perNeighbourhood[i % perNeighbourhood.length]);
        }
        int[] perBand = {2700, 5000, 5300, 3000, 2500, 2300};
        for (int i = 0; i < ReportingService.AGE_BANDS.size(); i++) {
            populations.put("AGE_BAND:" + ReportingService.AGE_BANDS.get(i), perBand[i]);
        }
        populations.put("SEX:FEMALE", 10_900);
        populations.put("SEX:MALE", 9_900);
        as(admin, () -> reporting.saveReferencePopulation("Chiffres illustratifs de démonstration, de l’ordre de ceux du recensement "
                + "pour une ville de 26 000 habitants (16 ans et plus)", populations, -1));
    }

    private static ParticipeUser user(long id, ImportedAccount person) {
        return new ParticipeUser(id, person.email(), person.displayName(), "", true, false, person.roles());
    }

    private static <T> T as(ParticipeUser user, Supplier<T> action) {
        return RunAs.user(user, action);
    }

    private static void as(ParticipeUser user, Runnable action) {
        RunAs.user(user, action);
    }

    private void seed() {
        if (town.profile().version() < 0) {
            town.createTown("Villeparisis");
        }
        var profile = town.profile();
        town.update(new TownSettingsUpdate("Villeparisis",
                "Ville Citoyenne et Ville Internet : proposez, soutenez et suivez les projets qui font Villeparisis.",
                "A town labelled “Ville Citoyenne” and “Ville Internet”: propose, support and follow the projects that make Villeparisis.",
                "#1a5fb4", 25, 90, false, 3, 21, 45, profile.version()));
        Set<String> existingNeighbourhoods = new HashSet<>(town.neighbourhoods().stream().map(Neighbourhood::name).toList());
        for (String name : List.of("Centre-ville", "Vieux Pays", "Les Petits Marais", "Bois Fleuri", "La Gare", "Les Hauts de Villeparisis")) {
            if (!existingNeighbourhoods.contains(name)) {
                town.addNeighbourhood(name);
            }
        }
        String[][] categories = {{"Cadre de vie", "Living environment"}, {"Mobilité", "Mobility"}, {"Environnement", "Environment"},
                {"Jeunesse", "Youth"}, {"Solidarité", "Solidarity"}, {"Culture", "Culture"}, {"Sport", "Sport"},
                {"Éducation", "Education"}, {"Tranquillité publique", "Public safety"}};
        Set<String> existingCategories = new HashSet<>(town.categories().stream().map(Category::nameFr).toList());
        for (String[] category : categories) {
            if (!existingCategories.contains(category[0])) {
                town.addCategory(category[0], category[1]);
            }
        }
        List<Neighbourhood> neighbourhoods = town.neighbourhoods();

        List<ImportedAccount> people = new ArrayList<>();
        people.add(new ImportedAccount("admin@participe.demo", "Administration Participe", null, null, null, Set.of(Roles.ADMIN)));
        people.add(new ImportedAccount("elu@participe.demo", "Nathalie Roche", neighbourhoods.get(0).id(), 1971, Sex.FEMALE,
                Set.of(Roles.OFFICIAL, Roles.RESIDENT)));
        people.add(new ImportedAccount("agent@participe.demo", "Service Démocratie locale", null, null, null, Set.of(Roles.STAFF)));
        people.add(new ImportedAccount("habitant@participe.demo", "Camille Martin", neighbourhoods.get(1).id(), 1988, Sex.FEMALE,
                Set.of(Roles.RESIDENT)));
        Random random = new Random(2026);
        int thisYear = Year.now().getValue();
        for (int i = 0; i < 40; i++) {
            boolean female = i % 2 == 0;
            String first = female ? FEMALE[(i / 2) % FEMALE.length] : MALE[(i / 2) % MALE.length];
            String last = SURNAMES[(i * 7) % SURNAMES.length];
            Integer birthYear = i % 9 == 8 ? null : thisYear - 16 - random.nextInt(64);
            Sex sex = i % 11 == 10 ? null : (i % 17 == 16 ? Sex.OTHER : (female ? Sex.FEMALE : Sex.MALE));
            Long neighbourhood = i % 13 == 12 ? null : neighbourhoods.get(random.nextInt(neighbourhoods.size())).id();
            String email = (first + "." + last).toLowerCase()
                    .replaceAll("[éèê]", "e").replaceAll("[ïî]", "i").replace("ç", "c").replace(" ", "") + i + "@participe.demo";
            people.add(new ImportedAccount(email, first + " " + last.charAt(0) + ".", neighbourhood, birthYear, sex, Set.of(Roles.RESIDENT)));
        }
        List<Long> ids = accounts.importConfirmed(people, PASSWORD);
        DemoLedger seeded = new DemoLedger();
        seeded.accountIds.addAll(ids);
        List<Long> ideaIds = seedIdeas(people, ids, random, seeded);
        seedInitiatives(people, ids, ideaIds);
        List<ParticipeUser> residents = new ArrayList<>();
        for (int i = 4; i < people.size(); i++) {
            residents.add(user(ids.get(i), people.get(i)));
        }
        budget.seed(user(ids.get(2), people.get(2)), user(ids.get(1), people.get(1)), residents,
                neighbourhoods.stream().filter(n -> n.name().equals("Vieux Pays")).findFirst().orElseThrow());
        moderation.seed(residents, user(ids.get(1), people.get(1)), ideaIds, town.activeCategories().getFirst().id(), seeded);
        seedReferencePopulation(user(ids.get(0), people.get(0)), neighbourhoods);
        history.spread(seeded);
        log.info("Demo data: seeded town Villeparisis, {} neighbourhoods, {} categories, {} accounts (their password is in the README)",
                neighbourhoods.size(), categories.length, people.size());
    }
}
