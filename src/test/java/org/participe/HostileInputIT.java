package org.participe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.accounts.AccountService;
import org.participe.accounts.ProfileUpdate;
import org.participe.accounts.Registration;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaFilter;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.initiatives.PhaseDraft;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.ItemVersion;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.reporting.ReferencePopulation;
import org.participe.reporting.ReportingService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.HostileInputs;
import org.participe.test.HostileInputs.Input;
import org.participe.test.TestData;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue "input abuse": every entry of {@link HostileInputs} goes through every text field of every
 * form's service. Each call either stores the text exactly as typed (after the normalisation the
 * service documents: stripped, runs of spaces in a title made one, Windows line ends made Unix
 * ones) or refuses it with a message the person can read in both languages; nothing else may come
 * out (no database error for a NUL byte, no "value too long", no IllegalArgumentException). Text
 * that is not text (control characters, halves of surrogate pairs, nothing visible) and text
 * outside a field's limits must be refused; everything else must be stored.
 */
@SpringBootTest
class HostileInputIT {

    @Autowired AccountService accounts;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired ModerationService moderation;
    @Autowired FollowUpService followUp;
    @Autowired InitiativeService initiatives;
    @Autowired TownService town;
    @Autowired ReportingService reporting;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    private final AtomicInteger sequence = new AtomicInteger();
    private ParticipeUser resident;
    private ParticipeUser neighbour;
    private ParticipeUser official;
    private ParticipeUser staff;
    private ParticipeUser admin;
    private long category;

    /** How a field normalises what it stores, what it refuses beyond the common rules, and how a value is written and read back. */
    private record Field(String name, int min, int max, UnaryOperator<String> normalise, Predicate<String> alsoRefused,
                         Rules rules, Function<String, String> writeAndReadBack) {

        /** A length as the field counts it: characters, as PostgreSQL does. */
        int length(String value) {
            return value.codePointCount(0, value.length());
        }

        boolean strict() {
            return rules == Rules.EXACT;
        }
    }

    /**
     * EXACT: the oracle knows the field's every rule (length, characters), so a refusal of acceptable
     * text is a failure too; PARTLY: the field has rules of its own (an e-mail's shape, a password's
     * strength), so only what it stores is checked; SECRET: hashed, never shown, any character may be
     * part of it as long as it is kept exactly.
     */
    private enum Rules { EXACT, PARTLY, SECRET }

    private enum Outcome { STORED, REFUSED, LIMITED, SEARCHED }

    @BeforeEach
    void setUp() {
        data.ensureTown();
        resident = data.confirmedAccount("hostile-resident", Roles.RESIDENT);
        neighbour = data.confirmedAccount("hostile-neighbour", Roles.RESIDENT);
        official = data.confirmedAccount("hostile-official", Roles.OFFICIAL);
        staff = data.confirmedAccount("hostile-staff", Roles.STAFF);
        admin = data.confirmedAccount("hostile-admin", Roles.ADMIN, Roles.STAFF);
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    @Test
    void everyFormStoresHostileTextAsTextOrRefusesItWithAMessage() throws IOException {
        Properties english = translations("translations.properties");
        Properties french = translations("translations_fr.properties");
        TownProfile townBefore = anonymously(() -> town.profile());
        ReferencePopulation populationBefore = as(admin, () -> reporting.referencePopulation());

        List<Field> fields = fields();
        List<String> failures = new ArrayList<>();
        var outcomes = new HashMap<Outcome, Integer>();
        int tried = 0;
        try {
            for (Field field : fields) {
                List<Input> inputs = new ArrayList<>(HostileInputs.raw());
                inputs.addAll(HostileInputs.wrapped());
                if (field.max() > 0) {
                    inputs.addAll(HostileInputs.around(field.min(), field.max()));
                }
                for (Input input : inputs) {
                    tried++;
                    String problem = attempt(field, input, english, french, outcomes);
                    if (problem != null) {
                        failures.add(field.name() + " / " + input.label() + ": " + problem);
                    }
                }
            }
        } finally {
            restore(townBefore, populationBefore);
        }

        System.out.printf("HostileInputIT: %d inputs through %d fields: %d stored as text, %d refused with a message, %d rate-limited, %d searches answered%n",
                tried, fields.size(), outcomes.getOrDefault(Outcome.STORED, 0), outcomes.getOrDefault(Outcome.REFUSED, 0),
                outcomes.getOrDefault(Outcome.LIMITED, 0), outcomes.getOrDefault(Outcome.SEARCHED, 0));
        assertThat(failures).as("inputs that gave another outcome than stored-as-text or refused-with-a-message").isEmpty();
        assertThat(outcomes.getOrDefault(Outcome.STORED, 0)).as("the corpus also stores text").isGreaterThan(tried / 4);
        assertThat(outcomes.getOrDefault(Outcome.REFUSED, 0)).as("the corpus also gets refused").isGreaterThan(tried / 4);
    }

    @Test
    void aLongButValidAddressAsksForAResetWithoutADatabaseErrorAndStillCounts() {
        String email = "x".repeat(60) + "@" + "quartier-".repeat(20) + "example.org"; // 252 characters, more than the limiter's column
        String client = address();
        for (int i = 0; i < 3; i++) {
            anonymously(() -> accounts.requestPasswordReset(email, client));
        }
        assertThatThrownBy(() -> anonymously(() -> accounts.requestPasswordReset(email, client)))
                .as("three requests an hour per address, however long").isInstanceOf(TooManyRequestsException.class);
    }

    /** Runs one input through one field; null when the outcome is one of the allowed ones. */
    private String attempt(Field field, Input input, Properties english, Properties french, HashMap<Outcome, Integer> outcomes) {
        String normalised = input.value() == null ? "" : field.normalise().apply(input.value());
        boolean mustStore = isText(normalised) && (normalised.isEmpty() ? field.min() == 0 : showsSomething(normalised))
                && field.length(normalised) >= field.min() && (field.max() <= 0 || field.length(normalised) <= field.max())
                && !field.alsoRefused().test(normalised);
        try {
            String stored = field.writeAndReadBack().apply(input.value());
            if (stored == null) {
                outcomes.merge(Outcome.SEARCHED, 1, Integer::sum);
                return null;
            }
            outcomes.merge(Outcome.STORED, 1, Integer::sum);
            if (field.rules() != Rules.SECRET && (!isText(normalised) || (!normalised.isEmpty() && !showsSomething(normalised)))) {
                return "stored although it is not text";
            }
            if (field.strict() && !mustStore) {
                return "stored although outside the field's rules";
            }
            if (!stored.equals(normalised)) {
                return "stored as «" + abbreviate(stored) + "» instead of «" + abbreviate(normalised) + "»";
            }
            return null;
        } catch (InvalidInputException refused) {
            outcomes.merge(Outcome.REFUSED, 1, Integer::sum);
            for (var error : refused.errors().values()) {
                if (!english.containsKey(error.messageKey()) || !french.containsKey(error.messageKey())) {
                    return "refused with a message key missing in a language: " + error.messageKey();
                }
            }
            if (field.strict() && mustStore) {
                return "refused although it is acceptable text: " + refused.errors();
            }
            return null;
        } catch (TooManyRequestsException limited) {
            outcomes.merge(Outcome.LIMITED, 1, Integer::sum);
            return english.containsKey(limited.messageKey()) && french.containsKey(limited.messageKey())
                    ? null : "rate-limited with a message key missing in a language: " + limited.messageKey();
        } catch (RuntimeException | Error unexpected) {
            return unexpected.getClass().getName() + ": " + abbreviate(String.valueOf(unexpected.getMessage()));
        }
    }

    // The fields ---------------------------------------------------------------------------------

    private List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        UnaryOperator<String> strip = String::strip;
        UnaryOperator<String> oneLine = value -> value.strip().replaceAll("\\s+", " ");
        UnaryOperator<String> paragraphs = value -> value.strip().replace("\r\n", "\n");
        Predicate<String> nothingElse = value -> false;

        // Accounts: sign-up, profile, e-mail change, password reset
        fields.add(new Field("sign-up display name", 2, 60, oneLine, HostileInputIT::refusedInNames, Rules.EXACT, value -> {
            long id = anonymously(() -> accounts.register(new Registration(TestData.uniqueEmail("hostile"), value, TestData.PASSWORD,
                    null, null, null, true, Locale.FRENCH), address()));
            return text("select display_name from account where id = ?", id);
        }));
        fields.add(new Field("sign-up e-mail", 0, 254, value -> value.strip().toLowerCase(Locale.ROOT), nothingElse, Rules.PARTLY, value -> {
            long id = anonymously(() -> accounts.register(new Registration(value, "Nom ordinaire", TestData.PASSWORD,
                    null, null, null, true, Locale.FRENCH), address()));
            return deliverable(text("select email from account where id = ?", id));
        }));
        fields.add(new Field("sign-up e-mail (in an address)", 0, 254, HostileInputIT::inAddress, nothingElse, Rules.PARTLY, value -> {
            long id = anonymously(() -> accounts.register(new Registration("x" + value + "@example.org", "Nom ordinaire", TestData.PASSWORD,
                    null, null, null, true, Locale.FRENCH), address()));
            return deliverable(text("select email from account where id = ?", id));
        }));
        fields.add(new Field("sign-up password", 12, 128, value -> value, nothingElse, Rules.SECRET, value -> {
            // hashed, never shown: any character may be part of it; what matters is that it is refused or kept exactly
            long id = anonymously(() -> accounts.register(new Registration(TestData.uniqueEmail("hostile"), "Nom ordinaire", value,
                    null, null, null, true, Locale.FRENCH), address()));
            return passwordEncoder.matches(value, text("select password_hash from account where id = ?", id)) ? value : "(another password)";
        }));
        fields.add(new Field("profile display name", 2, 60, oneLine, HostileInputIT::refusedInNames, Rules.EXACT, value -> as(resident, () -> {
            accounts.updateProfile(new ProfileUpdate(value, null, null, null, accounts.myProfile().version()));
            return accounts.myProfile().displayName();
        })));
        var emailChanger = new ParticipeUser[1];
        var emailChanges = new AtomicInteger();
        Function<String, String> changeEmail = email -> {
            if (emailChanges.getAndIncrement() % 4 == 0) {
                emailChanger[0] = data.confirmedAccount("hostile-mover", Roles.RESIDENT); // five changes an hour each
            }
            as(emailChanger[0], () -> accounts.requestEmailChange(email, TestData.PASSWORD));
            return deliverable(email.strip().toLowerCase(Locale.ROOT)); // only a link is sent: nothing stored to read back
        };
        fields.add(new Field("new e-mail", 0, 254, value -> value.strip().toLowerCase(Locale.ROOT), nothingElse, Rules.PARTLY, changeEmail));
        fields.add(new Field("new e-mail (in an address)", 0, 254, HostileInputIT::inAddress, nothingElse, Rules.PARTLY,
                value -> changeEmail.apply("x" + value + "@example.org")));
        Function<String, String> resetPassword = email -> {
            anonymously(() -> accounts.requestPasswordReset(email, address()));
            return email.strip().toLowerCase(Locale.ROOT); // the same answer whether the address exists or not
        };
        fields.add(new Field("password reset e-mail", 0, 254, value -> value.strip().toLowerCase(Locale.ROOT), nothingElse, Rules.PARTLY, resetPassword));
        fields.add(new Field("password reset e-mail (in an address)", 0, 254, HostileInputIT::inAddress, nothingElse, Rules.PARTLY,
                value -> resetPassword.apply("x" + value + "@example.org")));

        // Ideas
        fields.add(new Field("idea title", IdeaService.TITLE_MIN, IdeaService.TITLE_MAX, oneLine, nothingElse, Rules.EXACT, value -> {
            long id = as(resident, () -> ideas.propose(new IdeaDraft(value, "Une description ordinaire et assez longue.", category, null, null)));
            return text("select title from idea where id = ?", id);
        }));
        fields.add(new Field("idea description", IdeaService.DESCRIPTION_MIN, IdeaService.DESCRIPTION_MAX, paragraphs, nothingElse, Rules.EXACT, value -> {
            long id = as(resident, () -> ideas.propose(new IdeaDraft("Un titre ordinaire d’idée", value, category, null, null)));
            return text("select description from idea where id = ?", id);
        }));
        long edited = newIdea(resident);
        fields.add(new Field("idea title (edit)", IdeaService.TITLE_MIN, IdeaService.TITLE_MAX, oneLine, nothingElse, Rules.EXACT, value -> {
            as(resident, () -> ideas.edit(edited, new IdeaDraft(value, "Une description ordinaire et assez longue.", category, null, null), version("idea", edited)));
            return text("select title from idea where id = ?", edited);
        }));
        fields.add(new Field("idea description (edit)", IdeaService.DESCRIPTION_MIN, IdeaService.DESCRIPTION_MAX, paragraphs, nothingElse, Rules.EXACT, value -> {
            as(resident, () -> ideas.edit(edited, new IdeaDraft("Un titre ordinaire d’idée", value, category, null, null), version("idea", edited)));
            return text("select description from idea where id = ?", edited);
        }));
        fields.add(new Field("ideas list search", 0, 0, strip, nothingElse, Rules.PARTLY, value -> {
            anonymously(() -> ideas.list(new IdeaFilter(value, null, null, null, null), 0, 10));
            anonymously(() -> ideas.countUpTo(new IdeaFilter(value, null, null, null, null), 100));
            return null;
        }));
        fields.add(new Field("similar ideas search", 0, 0, strip, nothingElse, Rules.PARTLY, value -> {
            anonymously(() -> ideas.similar(value));
            return null;
        }));

        // Comments
        long discussed = newIdea(resident);
        fields.add(new Field("comment", 1, CommentService.MAX_LENGTH, paragraphs, nothingElse, Rules.EXACT, value -> {
            long id = as(neighbour, () -> comments.post(ContentKey.idea(discussed), null, value));
            return text("select body from comment where id = ?", id);
        }));
        long commentToEdit = as(neighbour, () -> comments.post(ContentKey.idea(discussed), null, "Un commentaire à corriger"));
        fields.add(new Field("comment (edit)", 1, CommentService.MAX_LENGTH, paragraphs, nothingElse, Rules.EXACT, value -> {
            as(neighbour, () -> comments.edit(commentToEdit, value, version("comment", commentToEdit)));
            return text("select body from comment where id = ?", commentToEdit);
        }));

        // Moderation
        long flagged = newIdea(resident);
        var flagger = new ParticipeUser[1];
        var flags = new AtomicInteger();
        fields.add(new Field("flag note", 0, ModerationService.FLAG_NOTE_MAX, strip, nothingElse, Rules.EXACT, value -> {
            long comment = as(neighbour, () -> comments.post(ContentKey.idea(flagged), null, "Un commentaire signalé"));
            if (flags.getAndIncrement() % 15 == 0) {
                flagger[0] = data.confirmedAccount("hostile-flagger", Roles.RESIDENT); // twenty flags an hour each
            }
            as(flagger[0], () -> moderation.flag(ContentKey.comment(comment), ModerationReason.SPAM, value));
            return textOrEmpty("select note from flag where content_type = 'COMMENT' and content_id = ?", comment);
        }));
        fields.add(new Field("hide note", 0, ModerationService.NOTE_MAX, strip, nothingElse, Rules.EXACT, value -> {
            long comment = as(neighbour, () -> comments.post(ContentKey.idea(flagged), null, "Un commentaire masqué"));
            as(official, () -> moderation.hide(List.of(moderation.current(ContentKey.comment(comment))), ModerationReason.SPAM, value));
            return textOrEmpty("select hidden_note from moderation_item where content_type = 'COMMENT' and content_id = ?", comment);
        }));
        ParticipeUser blocked = data.confirmedAccount("hostile-blocked", Roles.RESIDENT);
        fields.add(new Field("block reason", AccountService.BLOCK_REASON_MIN, AccountService.BLOCK_REASON_MAX, strip, nothingElse, Rules.EXACT, value -> {
            as(official, () -> moderation.blockAuthors(List.of(blocked.accountId()), value));
            String stored = text("select blocked_reason from account where id = ?", blocked.accountId());
            as(official, () -> moderation.unblockAuthor(blocked.accountId(), null));
            return stored;
        }));
        fields.add(new Field("unblock note", 0, ModerationService.NOTE_MAX, strip, nothingElse, Rules.EXACT, value -> {
            as(official, () -> moderation.blockAuthors(List.of(blocked.accountId()), "Une raison ordinaire de blocage"));
            as(official, () -> moderation.unblockAuthor(blocked.accountId(), value));
            return textOrEmpty("select note from moderation_audit where action = 'UNBLOCK' and target_account_id = ? order by id desc limit 1",
                    blocked.accountId());
        }));
        long answered = newIdea(resident);
        fields.add(new Field("official answer", 0, 5000, strip, nothingElse, Rules.EXACT, value -> {
            as(official, () -> ideas.answer(answered, IdeaStatus.UNDER_REVIEW, value, version("idea", answered)));
            return textOrEmpty("select text from idea_event where idea_id = ? and kind = 'OFFICIAL_ANSWER' order by id desc limit 1", answered);
        }));
        long assigned = newIdea(resident);
        fields.add(new Field("assigned service", 2, 120, strip, nothingElse, Rules.EXACT, value -> {
            long version = jdbc.queryForObject("select version from moderation_item where content_type = 'IDEA' and content_id = ?", Long.class, assigned);
            as(official, () -> followUp.assign(List.of(new ItemVersion(ContentKey.idea(assigned), version)), null, value, LocalDate.now().plusDays(10)));
            return text("select assignee_service from moderation_item where content_type = 'IDEA' and content_id = ?", assigned);
        }));
        fields.add(new Field("answer template title", 3, 120, strip, nothingElse, Rules.EXACT, value -> as(official, () -> {
            var template = followUp.saveTemplate(null, value, "Un modèle de réponse ordinaire et assez long.", 0);
            String stored = text("select title from answer_template where id = ?", template.id());
            followUp.deleteTemplate(template.id());
            return stored;
        })));
        fields.add(new Field("answer template body", 20, 5000, strip, nothingElse, Rules.EXACT, value -> as(official, () -> {
            var template = followUp.saveTemplate(null, "Modèle " + UUID.randomUUID(), value, 0);
            String stored = text("select body from answer_template where id = ?", template.id());
            followUp.deleteTemplate(template.id());
            return stored;
        })));

        // Initiatives
        fields.add(initiativeField("initiative title", 5, 160, "title", value -> draft(value, null, null, null, null, null)));
        fields.add(initiativeField("initiative summary", 10, 400, "summary", value -> draft(null, value, null, null, null, null)));
        fields.add(initiativeField("initiative description", 20, 20000, "description", value -> draft(null, null, value, null, null, null)));
        fields.add(initiativeField("initiative contact", 0, 160, "contact_service", value -> draft(null, null, null, value, null, null)));
        fields.add(new Field("initiative phase name", 2, 120, strip, nothingElse, Rules.EXACT, value -> {
            long id = as(staff, () -> initiatives.create(draft(null, null, null, null, value, null)));
            return text("select name from initiative_phase where initiative_id = ?", id);
        }));
        fields.add(new Field("initiative phase description", 0, 2000, strip, nothingElse, Rules.EXACT, value -> {
            long id = as(staff, () -> initiatives.create(draft(null, null, null, null, null, value)));
            return text("select description from initiative_phase where initiative_id = ?", id);
        }));
        long followed = as(staff, () -> initiatives.create(draft(null, null, null, null, null, null)));
        fields.add(new Field("initiative update title", 5, 160, strip, nothingElse, Rules.EXACT, value -> {
            long id = as(staff, () -> initiatives.postUpdate(followed, value, "Une actualité ordinaire."));
            return text("select title from initiative_update where id = ?", id);
        }));
        fields.add(new Field("initiative update body", 10, 10000, strip, nothingElse, Rules.EXACT, value -> {
            long id = as(staff, () -> initiatives.postUpdate(followed, "Actualité ordinaire", value));
            return text("select body from initiative_update where id = ?", id);
        }));

        // Town settings and reports
        fields.add(new Field("town name", 2, 120, strip, nothingElse, Rules.EXACT, value -> as(admin, () -> {
            var now = TownSettingsUpdate.from(town.profile());
            town.update(new TownSettingsUpdate(value, now.description(), now.mainColour(), now.thresholdSupports(), now.thresholdDays(),
                    now.preModeration(), now.flagsToHide(), now.answerDueDays(), now.unansweredAlertDays(), now.version()));
            return text("select name from town_settings");
        })));
        fields.add(new Field("town description", 0, 600, strip, nothingElse, Rules.EXACT, value -> as(admin, () -> {
            var now = TownSettingsUpdate.from(town.profile());
            town.update(new TownSettingsUpdate(now.name(), value, now.mainColour(), now.thresholdSupports(), now.thresholdDays(),
                    now.preModeration(), now.flagsToHide(), now.answerDueDays(), now.unansweredAlertDays(), now.version()));
            return text("select description from town_settings");
        })));
        long place = as(admin, () -> {
            var added = town.addNeighbourhood("Quartier " + UUID.randomUUID().toString().substring(0, 8));
            return town.changeNeighbourhood(added.id(), added.name(), false, added.version()).id(); // never offered to residents
        });
        fields.add(new Field("neighbourhood name", 2, 80, strip, nothingElse, Rules.EXACT, value -> as(admin, () -> {
            town.changeNeighbourhood(place, value, false, version("neighbourhood", place));
            return text("select name from neighbourhood where id = ?", place);
        })));
        long theme = as(admin, () -> {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            var added = town.addCategory("Thème " + suffix, "Topic " + suffix);
            return town.changeCategory(added.id(), added.nameFr(), added.nameEn(), false, added.version()).id();
        });
        fields.add(new Field("category name (French)", 2, 80, strip, nothingElse, Rules.EXACT, value -> as(admin, () -> {
            String english = text("select name_en from category where id = ?", theme);
            town.changeCategory(theme, value, english, false, version("category", theme));
            return text("select name_fr from category where id = ?", theme);
        })));
        fields.add(new Field("category name (English)", 2, 80, strip, nothingElse, Rules.EXACT, value -> as(admin, () -> {
            String frenchName = text("select name_fr from category where id = ?", theme);
            town.changeCategory(theme, frenchName, value, false, version("category", theme));
            return text("select name_en from category where id = ?", theme);
        })));
        fields.add(new Field("reference population source", 1, 300, strip, nothingElse, Rules.EXACT, value -> as(admin, () -> {
            ReferencePopulation now = reporting.referencePopulation();
            reporting.saveReferencePopulation(value, now.populations(), now.version());
            return text("select source from reference_population_source where id = 1");
        })));
        return fields;
    }

    private Field initiativeField(String name, int min, int max, String column, Function<String, InitiativeDraft> draft) {
        return new Field(name, min, max, String::strip, value -> false, Rules.EXACT, value -> {
            long id = as(staff, () -> initiatives.create(draft.apply(value)));
            return text("select " + column + " from initiative where id = ?", id);
        });
    }

    /** An initiative draft with ordinary text, but for the given values. */
    private InitiativeDraft draft(String title, String summary, String description, String contact, String phaseName, String phaseDescription) {
        LocalDate today = LocalDate.now();
        var phase = new PhaseDraft(phaseName != null ? phaseName : "Concertation", today, today.plusMonths(1),
                phaseDescription != null ? phaseDescription : "Réunions publiques");
        return new InitiativeDraft(title != null ? title : "Un projet ordinaire", summary != null ? summary : "Un résumé ordinaire du projet.",
                description != null ? description : "Une description ordinaire et assez longue du projet.", category, Set.of(), null,
                InitiativeStatus.PLANNED, 0, contact != null ? contact : "Service démocratie locale", List.of(phase), null);
    }

    // Helpers ------------------------------------------------------------------------------------

    private long newIdea(ParticipeUser author) {
        return as(author, () -> ideas.propose(new IdeaDraft("Une idée pour les essais " + sequence.incrementAndGet(),
                "Une description ordinaire et assez longue.", category, null, null)));
    }

    private long version(String table, long id) {
        return jdbc.queryForObject("select version from " + table + " where id = ?", Long.class, id);
    }

    private String text(String sql, Object... args) {
        return jdbc.queryForObject(sql, String.class, args);
    }

    private String textOrEmpty(String sql, Object... args) {
        String value = text(sql, args);
        return value == null ? "" : value;
    }

    /** Every sign-up from its own address: the per-address limit is not what this test is about. */
    private String address() {
        int n = sequence.incrementAndGet();
        return "2001:db8::" + Integer.toHexString(n);
    }

    private void restore(TownProfile townBefore, ReferencePopulation populationBefore) {
        as(admin, () -> {
            var now = TownSettingsUpdate.from(town.profile());
            town.update(new TownSettingsUpdate(townBefore.name(), townBefore.description(), now.mainColour(), now.thresholdSupports(),
                    now.thresholdDays(), now.preModeration(), now.flagsToHide(), now.answerDueDays(), now.unansweredAlertDays(), now.version()));
            if (populationBefore.version() >= 0) {
                reporting.saveReferencePopulation(populationBefore.source(), populationBefore.populations(), reporting.referencePopulation().version());
            } else {
                jdbc.update("delete from reference_population_source");
                jdbc.update("delete from reference_population");
            }
        });
    }

    /** No control character but tab and line breaks, no half of a surrogate pair. */
    private static boolean isText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
    }

    /** A name's own rules: no markup brackets, no direction marks or zero-width spaces (impersonation). */
    private static boolean refusedInNames(String value) {
        return value.contains("<") || value.contains(">") || value.codePoints().anyMatch(c -> c == 0x061C || c == 0x180E || c == 0x200B
                || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064)
                || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF);
    }

    /** At least one character a reader sees: not a space, a format character (zero width, direction) or a filler. */
    private static boolean showsSomething(String value) {
        return value.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type != Character.FORMAT && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
                    && type != Character.PARAGRAPH_SEPARATOR && type != Character.CONTROL
                    && c != 0x3164 && c != 0x115F && c != 0x1160 && c != 0xFFA0 && c != 0x2800 && c != 0x034F;
        });
    }

    /** The address, if the mailer can send to it; otherwise why not (so that the comparison fails): a refusal was due. */
    private static String deliverable(String email) {
        try {
            new InternetAddress(email, true);
            return email;
        } catch (AddressException refused) {
            return "(an address the mailer refuses: " + refused.getMessage() + ")";
        }
    }

    private static String inAddress(String value) {
        return ("x" + value + "@example.org").strip().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "… (" + value.length() + " chars)" : value;
        return shown.replace("\u0000", "\\0");
    }

    private static Properties translations(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(HostileInputIT.class.getResourceAsStream("/vaadin-i18n/" + name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
