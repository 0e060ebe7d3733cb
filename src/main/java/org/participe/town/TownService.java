package org.participe.town;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.participe.base.Expiring;
import org.participe.base.ImageTypes;
import org.participe.base.TownBranding;
import org.participe.base.database.InstanceBus;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TypedText;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.town.internal.CategoryEntity;
import org.participe.town.internal.CategoryRepository;
import org.participe.town.internal.NeighbourhoodEntity;
import org.participe.town.internal.NeighbourhoodRepository;
import org.participe.town.internal.TownSettingsEntity;
import org.participe.town.internal.TownSettingsRepository;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The town's own settings: its name, look, neighbourhoods, categories and participation rules.
 * Everyone reads them; only administrators change them.
 */
@Service
@Transactional(readOnly = true)
public class TownService implements TownBranding {

    public static final int MAX_LOGO_BYTES = 512 * 1024;
    /** The presentations' length limit, as in the database. */
    public static final int MAX_PRESENTATION = 600;
    /** The town's settings are public: visitors read them on every page. */
    private static final String EVERYONE = "permitAll()";
    /**
     * Every page reads the settings, neighbourhoods and categories; they are kept in memory until
     * they change. A change made on any instance sharing the database is announced to all through
     * the {@link InstanceBus} when it commits, and every instance forgets its copy; after the bus
     * lost messages (its connection was down) every copy is forgotten. This lifetime is only a
     * backstop against a message lost in some other way.
     */
    static final Duration REFERENCE_LIFETIME = Duration.ofMinutes(10);
    static final String CHANNEL = "town_reference_changed";
    private static final String SETTINGS = "settings";
    private static final String NEIGHBOURHOODS = "neighbourhoods";
    private static final String CATEGORIES = "categories";

    private final TownSettingsRepository settings;
    private final Expiring<FlagRules> flagRules;
    private final NeighbourhoodRepository neighbourhoods;
    private final CategoryRepository categories;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Expiring<TownProfile> profile;
    private final Expiring<List<Neighbourhood>> allNeighbourhoods;
    private final Expiring<List<Category>> allCategories;
    private final InstanceBus bus;

    TownService(TownSettingsRepository settings, NeighbourhoodRepository neighbourhoods, CategoryRepository categories,
                CurrentUser currentUser, Clock clock, InstanceBus bus) {
        this.bus = bus;
        this.settings = settings;
        this.neighbourhoods = neighbourhoods;
        this.categories = categories;
        this.currentUser = currentUser;
        this.clock = clock;
        this.profile = new Expiring<>(REFERENCE_LIFETIME, () -> settings.findProfile()
                .orElseGet(() -> new TownProfile("Participe", "", "", "#1a5fb4", false, 300, 90, false, 3, 30, 60, -1)));
        this.flagRules = new Expiring<>(REFERENCE_LIFETIME, () -> settings.findById(TownSettingsEntity.SINGLETON_ID)
                .map(e -> new FlagRules(e.getFlagMinAccountDays(), e.getFlagMinContributions(), e.getFlagProtectedSupports()))
                .orElse(FlagRules.DEFAULTS));
        this.allNeighbourhoods = new Expiring<>(REFERENCE_LIFETIME,
                () -> neighbourhoods.findAllByOrderByPositionAscNameAsc().stream().map(TownService::toRecord).toList());
        this.allCategories = new Expiring<>(REFERENCE_LIFETIME,
                () -> categories.findAllByOrderByPositionAscNameFrAsc().stream().map(TownService::toRecord).toList());
        bus.subscribe(CHANNEL, this::forget);
        bus.onPossiblyMissed(() -> List.of(SETTINGS, NEIGHBOURHOODS, CATEGORIES).forEach(this::forget));
    }

    /** Forgets the copy on this instance now, and on every instance once the change commits. */
    private void changed(String reference) {
        forget(reference);
        bus.publish(CHANNEL, reference);
    }

    private void forget(String reference) {
        switch (reference) {
            case SETTINGS -> {
                profile.forget();
                flagRules.forget();
            }
            case NEIGHBOURHOODS -> allNeighbourhoods.forget();
            case CATEGORIES -> allCategories.forget();
            default -> throw new IllegalArgumentException("No such reference data: " + reference);
        }
    }

    @PreAuthorize(EVERYONE)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public TownProfile profile() {
        return profile.get();
    }

    /** Which flags may hide content without an official (moderation reads it on each flag). */
    @PreAuthorize(EVERYONE)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public FlagRules flagRules() {
        return flagRules.get();
    }

    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public FlagRules updateFlagRules(Integer minAccountDays, Integer minContributions, Integer protectedSupports) {
        var errors = new InvalidInputException.Collector();
        if (minAccountDays == null || minAccountDays < 0 || minAccountDays > FlagRules.MAX_ACCOUNT_DAYS) {
            errors.reject("flagMinAccountDays", "validation.range", 0, FlagRules.MAX_ACCOUNT_DAYS);
        }
        if (minContributions == null || minContributions < 0 || minContributions > FlagRules.MAX_CONTRIBUTIONS) {
            errors.reject("flagMinContributions", "validation.range", 0, FlagRules.MAX_CONTRIBUTIONS);
        }
        if (protectedSupports == null || protectedSupports < 1 || protectedSupports > FlagRules.MAX_PROTECTED_SUPPORTS) {
            errors.reject("flagProtectedSupports", "validation.range", 1, FlagRules.MAX_PROTECTED_SUPPORTS);
        }
        errors.throwIfAny();
        TownSettingsEntity entity = settings.findById(TownSettingsEntity.SINGLETON_ID).orElseThrow();
        entity.setFlagMinAccountDays(minAccountDays);
        entity.setFlagMinContributions(minContributions);
        entity.setFlagProtectedSupports(protectedSupports);
        entity.touch(clock.instant(), currentUser.get().map(ParticipeUser::accountId).orElse(null));
        settings.saveAndFlush(entity);
        changed(SETTINGS);
        return new FlagRules(minAccountDays, minContributions, protectedSupports);
    }

    @PreAuthorize(EVERYONE)
    public Optional<Logo> logo() {
        return settings.findById(TownSettingsEntity.SINGLETON_ID)
                .filter(s -> s.getLogo() != null)
                .map(s -> new Logo(s.getLogo(), s.getLogoContentType()));
    }

    @PreAuthorize(EVERYONE)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Neighbourhood> neighbourhoods() {
        return allNeighbourhoods.get();
    }

    @PreAuthorize(EVERYONE)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Neighbourhood> activeNeighbourhoods() {
        return neighbourhoods().stream().filter(Neighbourhood::active).toList();
    }

    @PreAuthorize(EVERYONE)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Neighbourhood> neighbourhood(long id) {
        return neighbourhoods().stream().filter(n -> n.id() == id).findFirst();
    }

    @PreAuthorize(EVERYONE)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Category> categories() {
        return allCategories.get();
    }

    @PreAuthorize(EVERYONE)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Category> activeCategories() {
        return categories().stream().filter(Category::active).toList();
    }

    /** Creates the settings row of a new installation; refused once the town exists. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void createTown(String name) {
        if (settings.existsById(TownSettingsEntity.SINGLETON_ID)) {
            profile.forget(); // a copy that said there was none is out of date (another instance created it)
            flagRules.forget();
            throw new IllegalStateException("The town already exists");
        }
        settings.save(new TownSettingsEntity(name));
        changed(SETTINGS);
    }

    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public TownProfile update(TownSettingsUpdate update) {
        var errors = new InvalidInputException.Collector();
        String name = trimmed(update.name());
        if (TypedText.length(name) < 2 || TypedText.length(name) > 120) {
            errors.reject("name", "validation.length", 2, 120);
        } else {
            TypedText.check("name", name, errors);
        }
        String description = presentation("description", update.description(), errors);
        String descriptionEn = update.descriptionEn() == null ? null : presentation("descriptionEn", update.descriptionEn(), errors);
        String colour = trimmed(update.mainColour()).toLowerCase();
        if (!ColourContrast.isHexColour(colour)) {
            errors.reject("mainColour", "town.colour.invalid");
        } else if (!ColourContrast.isAccepted(colour)) {
            errors.reject("mainColour", "town.colour.contrast", String.format("%.1f", ColourContrast.weakest(colour)));
        }
        if (update.thresholdSupports() == null || update.thresholdSupports() < 1 || update.thresholdSupports() > 1_000_000) {
            errors.reject("thresholdSupports", "validation.range", 1, 1_000_000);
        }
        if (update.thresholdDays() == null || update.thresholdDays() < 1 || update.thresholdDays() > 3650) {
            errors.reject("thresholdDays", "validation.range", 1, 3650);
        }
        if (update.flagsToHide() == null || update.flagsToHide() < 1 || update.flagsToHide() > 50) {
            errors.reject("flagsToHide", "validation.range", 1, 50);
        }
        if (update.answerDueDays() == null || update.answerDueDays() < 1 || update.answerDueDays() > 365) {
            errors.reject("answerDueDays", "validation.range", 1, 365);
        }
        if (update.unansweredAlertDays() == null || update.unansweredAlertDays() < 1 || update.unansweredAlertDays() > 3650) {
            errors.reject("unansweredAlertDays", "validation.range", 1, 3650);
        }
        errors.throwIfAny();

        TownSettingsEntity entity = settings.findById(TownSettingsEntity.SINGLETON_ID).orElseThrow();
        requireVersion(entity.getVersion(), update.version());
        entity.setName(name);
        entity.setDescription(description);
        if (descriptionEn != null) {
            entity.setDescriptionEn(descriptionEn);
        }
        entity.setMainColour(colour);
        entity.setThresholdSupports(update.thresholdSupports());
        entity.setThresholdDays(update.thresholdDays());
        entity.setPreModeration(update.preModeration());
        entity.setFlagsToHide(update.flagsToHide());
        entity.setAnswerDueDays(update.answerDueDays());
        entity.setUnansweredAlertDays(update.unansweredAlertDays());
        entity.touch(clock.instant(), currentUser.get().map(ParticipeUser::accountId).orElse(null));
        settings.saveAndFlush(entity);
        changed(SETTINGS);
        return toProfile(entity);
    }

    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void changeLogo(byte[] content) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("logo", "town.logo.empty");
        }
        if (content.length > MAX_LOGO_BYTES) {
            throw InvalidInputException.of("logo", "town.logo.too-large", MAX_LOGO_BYTES / 1024);
        }
        String type = ImageTypes.detect(content).orElseThrow(() -> InvalidInputException.of("logo", "town.logo.type"));
        TownSettingsEntity entity = settings.findById(TownSettingsEntity.SINGLETON_ID).orElseThrow();
        entity.setLogo(content, type);
        entity.touch(clock.instant(), currentUser.get().map(ParticipeUser::accountId).orElse(null));
        changed(SETTINGS);
    }

    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void removeLogo() {
        TownSettingsEntity entity = settings.findById(TownSettingsEntity.SINGLETON_ID).orElseThrow();
        entity.setLogo(null, null);
        entity.touch(clock.instant(), currentUser.get().map(ParticipeUser::accountId).orElse(null));
        changed(SETTINGS);
    }

    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public Neighbourhood addNeighbourhood(String name) {
        String clean = validName(name, "name");
        if (neighbourhoods.existsByNameIgnoreCase(clean)) {
            throw InvalidInputException.of("name", "town.name.taken");
        }
        changed(NEIGHBOURHOODS);
        return toRecord(neighbourhoods.saveAndFlush(new NeighbourhoodEntity(clean, neighbourhoods.maxPosition() + 1)));
    }

    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public Neighbourhood changeNeighbourhood(long id, String name, boolean active, long version) {
        String clean = validName(name, "name");
        NeighbourhoodEntity entity = neighbourhoods.findById(id).orElseThrow();
        requireVersion(entity.getVersion(), version);
        if (!entity.getName().equalsIgnoreCase(clean) && neighbourhoods.existsByNameIgnoreCase(clean)) {
            throw InvalidInputException.of("name", "town.name.taken");
        }
        entity.setName(clean);
        entity.setActive(active);
        changed(NEIGHBOURHOODS);
        return toRecord(neighbourhoods.saveAndFlush(entity));
    }

    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public Category addCategory(String nameFr, String nameEn) {
        String fr = validName(nameFr, "nameFr");
        String en = validName(nameEn, "nameEn");
        if (categories.existsByNameFrIgnoreCase(fr)) {
            throw InvalidInputException.of("nameFr", "town.name.taken");
        }
        if (categories.existsByNameEnIgnoreCase(en)) {
            throw InvalidInputException.of("nameEn", "town.name.taken");
        }
        changed(CATEGORIES);
        return toRecord(categories.saveAndFlush(new CategoryEntity(fr, en, categories.maxPosition() + 1)));
    }

    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public Category changeCategory(long id, String nameFr, String nameEn, boolean active, long version) {
        String fr = validName(nameFr, "nameFr");
        String en = validName(nameEn, "nameEn");
        CategoryEntity entity = categories.findById(id).orElseThrow();
        requireVersion(entity.getVersion(), version);
        if (!entity.getNameFr().equalsIgnoreCase(fr) && categories.existsByNameFrIgnoreCase(fr)) {
            throw InvalidInputException.of("nameFr", "town.name.taken");
        }
        if (!entity.getNameEn().equalsIgnoreCase(en) && categories.existsByNameEnIgnoreCase(en)) {
            throw InvalidInputException.of("nameEn", "town.name.taken");
        }
        entity.rename(fr, en);
        entity.setActive(active);
        changed(CATEGORIES);
        return toRecord(categories.saveAndFlush(entity));
    }

    @Override
    @PreAuthorize(EVERYONE)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Branding branding() {
        TownProfile profile = profile();
        return new Branding(profile.name(), profile.hasLogo() ? "town/logo" : null, profile.mainColour());
    }

    /** A presentation (French or English): at most 600 characters of plain typed text, may be empty. */
    private static String presentation(String field, String value, InvalidInputException.Collector errors) {
        String clean = trimmed(value);
        if (TypedText.length(clean) > MAX_PRESENTATION) {
            errors.reject(field, "validation.max-length", MAX_PRESENTATION);
        } else {
            TypedText.check(field, clean, errors);
        }
        return clean;
    }

    private static String validName(String value, String field) {
        String clean = trimmed(value);
        if (TypedText.length(clean) < 2 || TypedText.length(clean) > 80) {
            throw InvalidInputException.of(field, "validation.length", 2, 80);
        }
        return TypedText.require(field, clean);
    }

    private static void requireVersion(long current, long expected) {
        if (current != expected) {
            throw new ObjectOptimisticLockingFailureException("town settings", current);
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static TownProfile toProfile(TownSettingsEntity s) {
        return new TownProfile(s.getName(), s.getDescription(), s.getDescriptionEn(), s.getMainColour(), s.getLogoContentType() != null,
                s.getThresholdSupports(), s.getThresholdDays(), s.isPreModeration(),
                s.getFlagsToHide(), s.getAnswerDueDays(), s.getUnansweredAlertDays(), s.getVersion());
    }

    private static Neighbourhood toRecord(NeighbourhoodEntity n) {
        return new Neighbourhood(n.getId(), n.getName(), n.isActive(), n.getVersion());
    }

    private static Category toRecord(CategoryEntity c) {
        return new Category(c.getId(), c.getNameFr(), c.getNameEn(), c.isActive(), c.getVersion());
    }
}
