package org.participe.town.ui;

import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.ImageUpload;
import org.participe.base.validation.InvalidInputException;
import org.participe.security.Roles;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownProfile;
import org.participe.town.FlagRules;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;

/** Administrators configure the town: identity, look, rules, neighbourhoods and categories. */
@Route("admin/town")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "menu.admin.town", order = 91, icon = "vaadin:cog")
public class TownSettingsView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final TownService town;
    private TownProfile profile;

    public TownSettingsView(TownService town) {
        this.town = town;
        this.profile = town.profile();
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        layout.add(new H1(getTranslation("admin.town.title")), settingsSection(), flagRulesSection(), logoSection(), neighbourhoodsSection(), categoriesSection());
    }

    private Section settingsSection() {
        TextField name = new TextField(getTranslation("admin.town.name"));
        name.setValue(profile.name());
        name.setMaxLength(120);
        TextArea description = new TextArea(getTranslation("admin.town.description"));
        description.setValue(profile.description());
        description.setMaxLength(TownService.MAX_PRESENTATION);
        writtenIn(description, "fr");
        TextArea descriptionEn = new TextArea(getTranslation("admin.town.description-en"));
        descriptionEn.setValue(profile.descriptionEn());
        descriptionEn.setMaxLength(TownService.MAX_PRESENTATION);
        descriptionEn.setHelperText(getTranslation("admin.town.description-en.help"));
        writtenIn(descriptionEn, "en");
        TextField colour = new TextField(getTranslation("admin.town.colour"));
        colour.setValue(profile.mainColour());
        colour.setHelperText(getTranslation("admin.town.colour.help"));
        colour.setMaxLength(7);
        IntegerField supports = new IntegerField(getTranslation("admin.town.threshold-supports"));
        supports.setValue(profile.thresholdSupports());
        supports.setMin(1);
        IntegerField days = new IntegerField(getTranslation("admin.town.threshold-days"));
        days.setValue(profile.thresholdDays());
        days.setMin(1);
        Checkbox preModeration = new Checkbox(getTranslation("admin.town.pre-moderation"));
        preModeration.setValue(profile.preModeration());
        IntegerField flagsToHide = new IntegerField(getTranslation("admin.town.flags-to-hide"));
        flagsToHide.setValue(profile.flagsToHide());
        flagsToHide.setHelperText(getTranslation("admin.town.flags-to-hide.help"));
        flagsToHide.setMin(1);
        IntegerField dueDays = new IntegerField(getTranslation("admin.town.answer-due-days"));
        dueDays.setValue(profile.answerDueDays());
        dueDays.setHelperText(getTranslation("admin.town.answer-due-days.help"));
        dueDays.setMin(1);
        IntegerField alertDays = new IntegerField(getTranslation("admin.town.unanswered-alert-days"));
        alertDays.setValue(profile.unansweredAlertDays());
        alertDays.setHelperText(getTranslation("admin.town.unanswered-alert-days.help"));
        alertDays.setMin(1);
        Map<String, HasValidation> fields = Map.of("name", name, "description", description, "descriptionEn", descriptionEn,
                "mainColour", colour, "thresholdSupports", supports, "thresholdDays", days, "flagsToHide", flagsToHide,
                "answerDueDays", dueDays, "unansweredAlertDays", alertDays);
        Button save = new Button(getTranslation("profile.save"), click -> {
            FormErrors.clear(fields);
            try {
                profile = town.update(new TownSettingsUpdate(name.getValue(), description.getValue(), descriptionEn.getValue(), colour.getValue(),
                        supports.getValue(), days.getValue(), preModeration.getValue(), flagsToHide.getValue(), dueDays.getValue(),
                        alertDays.getValue(), profile.version()));
                FormErrors.success(getTranslation("admin.town.saved"));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, colour, supports, days, flagsToHide, dueDays, alertDays);
        form.add(description, 2);
        form.add(descriptionEn, 2);
        form.add(preModeration, 2);
        return section("admin.town.identity", form, save);
    }

    /** Whose flags hide content without an official, and which ideas flags never hide alone. */
    private Section flagRulesSection() {
        FlagRules rules = town.flagRules();
        IntegerField minDays = new IntegerField(getTranslation("admin.town.flag-min-account-days"));
        minDays.setValue(rules.minAccountDays());
        minDays.setMin(0);
        minDays.setMax(FlagRules.MAX_ACCOUNT_DAYS);
        minDays.setHelperText(getTranslation("admin.town.flag-min-account-days.help"));
        IntegerField minContributions = new IntegerField(getTranslation("admin.town.flag-min-contributions"));
        minContributions.setValue(rules.minContributions());
        minContributions.setMin(0);
        minContributions.setMax(FlagRules.MAX_CONTRIBUTIONS);
        minContributions.setHelperText(getTranslation("admin.town.flag-min-contributions.help"));
        IntegerField protectedSupports = new IntegerField(getTranslation("admin.town.flag-protected-supports"));
        protectedSupports.setValue(rules.protectedSupports());
        protectedSupports.setMin(1);
        protectedSupports.setMax(FlagRules.MAX_PROTECTED_SUPPORTS);
        protectedSupports.setHelperText(getTranslation("admin.town.flag-protected-supports.help"));
        Map<String, HasValidation> fields = Map.of("flagMinAccountDays", minDays, "flagMinContributions", minContributions,
                "flagProtectedSupports", protectedSupports);
        Button save = new Button(getTranslation("admin.town.flag-rules.save"), click -> {
            FormErrors.clear(fields);
            try {
                town.updateFlagRules(minDays.getValue(), minContributions.getValue(), protectedSupports.getValue());
                profile = town.profile(); // the settings' version moved on: the form above saves against it
                FormErrors.success(getTranslation("admin.town.saved"));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(minDays, minContributions, protectedSupports);
        VerticalLayout content = new VerticalLayout(new Paragraph(getTranslation("admin.town.flag-rules.help")), form);
        content.setPadding(false);
        return section("admin.town.flag-rules", content, save);
    }

    private Section logoSection() {
        Image current = new Image("town/logo", getTranslation("admin.town.logo.current"));
        current.addClassName("logo-preview");
        current.setVisible(profile.hasLogo());
        Upload upload = ImageUpload.create(this, TownService.MAX_LOGO_BYTES,
                getTranslation("town.logo.too-large", TownService.MAX_LOGO_BYTES / 1024), (fileName, data) -> {
                    // A refused logo is shown under the field by ImageUpload.
                    town.changeLogo(data);
                    current.setSrc("town/logo?v=" + System.currentTimeMillis());
                    current.setVisible(true);
                    FormErrors.success(getTranslation("admin.town.logo.saved"));
                });
        Button remove = new Button(getTranslation("admin.town.logo.remove"), click -> {
            town.removeLogo();
            current.setVisible(false);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return section("admin.town.logo", new VerticalLayout(new Paragraph(getTranslation("admin.town.logo.help")), current, upload), remove);
    }

    private Section neighbourhoodsSection() {
        Grid<Neighbourhood> grid = new Grid<>(Neighbourhood.class, false);
        grid.addColumn(Neighbourhood::name).setHeader(getTranslation("admin.town.name"));
        grid.addComponentColumn(n -> {
            Checkbox active = new Checkbox(getTranslation("admin.town.active"), n.active());
            active.addValueChangeListener(change -> {
                town.changeNeighbourhood(n.id(), n.name(), change.getValue(), n.version());
                grid.setItems(town.neighbourhoods());
            });
            return active;
        }).setHeader(getTranslation("admin.town.active"));
        grid.setItems(town.neighbourhoods());
        grid.setAllRowsVisible(true);
        TextField name = new TextField(getTranslation("admin.town.new-neighbourhood"));
        Button add = new Button(getTranslation("action.add"), click -> {
            try {
                town.addNeighbourhood(name.getValue());
                name.clear();
                name.setInvalid(false);
                grid.setItems(town.neighbourhoods());
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("name", name));
            }
        });
        HorizontalLayout adder = new HorizontalLayout(name, add);
        adder.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return section("admin.town.neighbourhoods", new VerticalLayout(grid, adder), null);
    }

    private Section categoriesSection() {
        Grid<Category> grid = new Grid<>(Category.class, false);
        grid.addColumn(Category::nameFr).setHeader(getTranslation("admin.town.name-fr"));
        grid.addColumn(Category::nameEn).setHeader(getTranslation("admin.town.name-en"));
        grid.addComponentColumn(c -> {
            Checkbox active = new Checkbox(getTranslation("admin.town.active"), c.active());
            active.addValueChangeListener(change -> {
                town.changeCategory(c.id(), c.nameFr(), c.nameEn(), change.getValue(), c.version());
                grid.setItems(town.categories());
            });
            return active;
        }).setHeader(getTranslation("admin.town.active"));
        grid.setItems(town.categories());
        grid.setAllRowsVisible(true);
        TextField nameFr = new TextField(getTranslation("admin.town.name-fr"));
        TextField nameEn = new TextField(getTranslation("admin.town.name-en"));
        Button add = new Button(getTranslation("action.add"), click -> {
            try {
                town.addCategory(nameFr.getValue(), nameEn.getValue());
                nameFr.clear();
                nameEn.clear();
                grid.setItems(town.categories());
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("nameFr", nameFr, "nameEn", nameEn));
            }
        });
        HorizontalLayout adder = new HorizontalLayout(nameFr, nameEn, add);
        adder.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        adder.setWrap(true);
        return section("admin.town.categories", new VerticalLayout(grid, adder), null);
    }

    /**
     * Marks the text typed in {@code field} with the language it is written in, so that a screen
     * reader reads the English presentation with an English voice in the French interface (the
     * field's label stays in the interface's language). The text box is made by the browser.
     */
    private static void writtenIn(TextArea field, String language) {
        field.getElement().executeJs("customElements.whenDefined(this.localName).then(() => requestAnimationFrame(() => {"
                + " const input = this.inputElement || this.querySelector('textarea'); if (input) input.lang = $0; }))", language);
    }

    private Section section(String titleKey, Component body, Button action) {
        Section section = new Section();
        section.addClassName("card");
        section.add(new H2(getTranslation(titleKey)), body);
        if (action != null) {
            section.add(action);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.town.title") + " · " + getTranslation("app.name");
    }
}
