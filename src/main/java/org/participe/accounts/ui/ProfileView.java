package org.participe.accounts.ui;

import java.time.Year;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import org.participe.accounts.AccountService;
import org.participe.accounts.PasswordPolicy;
import org.participe.accounts.Profile;
import org.participe.accounts.ProfileUpdate;
import org.participe.accounts.Sex;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/** One's own account: details, e-mail address (re-confirmed), password (needs the current one). */
@Route("profile")
@PermitAll
public class ProfileView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final AccountService accounts;
    private final TownService town;
    private Profile profile;

    public ProfileView(AccountService accounts, TownService town) {
        this.accounts = accounts;
        this.town = town;
        this.profile = accounts.myProfile();
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        layout.add(new H1(getTranslation("profile.title")));
        if (!profile.confirmed()) {
            layout.add(confirmationSection());
        }
        layout.add(FormErrors.requiredNote(this), detailsSection(), emailSection(), passwordSection(), new Paragraph(new Anchor("my-data", getTranslation("my-data.link"))));
    }

    private Section confirmationSection() {
        Section section = new Section();
        section.addClassName("card");
        Paragraph text = new Paragraph(getTranslation("profile.unconfirmed", profile.email()));
        Button resend = new Button(getTranslation("profile.resend"), click -> {
            try {
                accounts.resendConfirmation();
                FormErrors.success(getTranslation("profile.resent", profile.email()));
            } catch (TooManyRequestsException tooMany) {
                FormErrors.error(getTranslation(tooMany.messageKey()));
            }
        });
        section.add(new H2(getTranslation("profile.unconfirmed.title")), text, resend);
        return section;
    }

    private Section detailsSection() {
        TextField displayName = new TextField(getTranslation("signup.display-name"));
        displayName.setValue(profile.displayName());
        displayName.setMaxLength(60);
        displayName.setRequiredIndicatorVisible(true);
        ComboBox<Neighbourhood> neighbourhood = new ComboBox<>(getTranslation("signup.neighbourhood"));
        neighbourhood.setItems(town.activeNeighbourhoods());
        neighbourhood.setItemLabelGenerator(Neighbourhood::name);
        neighbourhood.setClearButtonVisible(true);
        if (profile.neighbourhoodId() != null) {
            town.neighbourhood(profile.neighbourhoodId()).ifPresent(neighbourhood::setValue);
        }
        IntegerField birthYear = new IntegerField(getTranslation("signup.birth-year"));
        birthYear.setMin(1900);
        birthYear.setMax(Year.now().getValue());
        birthYear.setValue(profile.birthYear());
        birthYear.setHelperText(getTranslation("signup.statistics-only"));
        Select<Sex> sex = new Select<>();
        sex.setLabel(getTranslation("signup.sex"));
        sex.setItems(Sex.values());
        sex.setEmptySelectionAllowed(true);
        sex.setEmptySelectionCaption(getTranslation("signup.sex.undisclosed"));
        sex.setItemLabelGenerator(value -> value == null ? getTranslation("signup.sex.undisclosed") : getTranslation("sex." + value.name()));
        sex.setValue(profile.sex());
        sex.setHelperText(getTranslation("signup.statistics-only"));

        Map<String, HasValidation> fields = Map.of("displayName", displayName,
                "neighbourhoodId", neighbourhood, "birthYear", birthYear, "sex", sex);
        Button save = new Button(getTranslation("profile.save"), click -> {
            FormErrors.clear(fields);
            try {
                profile = accounts.updateProfile(new ProfileUpdate(displayName.getValue(),
                        neighbourhood.getOptionalValue().map(Neighbourhood::id).orElse(null), birthYear.getValue(), sex.getValue(),
                        profile.version()));
                FormErrors.success(getTranslation("profile.saved"));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(displayName, neighbourhood, birthYear, sex);
        return section("profile.details", form, save);
    }

    private Section emailSection() {
        EmailField newEmail = new EmailField(getTranslation("profile.new-email"));
        newEmail.setMaxLength(254);
        PasswordField currentPassword = new PasswordField(getTranslation("profile.current-password"));
        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        Map<String, HasValidation> fields = Map.of("newEmail", newEmail, "currentPassword", currentPassword);
        Button request = new Button(getTranslation("profile.change-email"), click -> {
            FormErrors.clear(fields);
            try {
                accounts.requestEmailChange(newEmail.getValue(), currentPassword.getValue());
                currentPassword.clear();
                FormErrors.success(getTranslation("profile.email-link-sent", newEmail.getValue()));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, fields);
            } catch (TooManyRequestsException tooMany) {
                FormErrors.error(getTranslation(tooMany.messageKey()));
            }
        });
        Paragraph current = new Paragraph(getTranslation("profile.current-email", profile.email()));
        return section("profile.email", new Div(current, new FormLayout(newEmail, currentPassword)), request);
    }

    private Section passwordSection() {
        PasswordField current = new PasswordField(getTranslation("profile.current-password"));
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        PasswordField chosen = new PasswordField(getTranslation("reset.new-password"));
        chosen.setHelperText(getTranslation("signup.password.help", PasswordPolicy.MIN_LENGTH));
        chosen.setAutocomplete(Autocomplete.NEW_PASSWORD);
        Map<String, HasValidation> fields = Map.of("currentPassword", current, "newPassword", chosen);
        Button change = new Button(getTranslation("profile.change-password"), click -> {
            FormErrors.clear(fields);
            try {
                accounts.changePassword(current.getValue(), chosen.getValue(), VaadinSession.getCurrent().getSession().getId());
                current.clear();
                chosen.clear();
                FormErrors.success(getTranslation("profile.password-changed"));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, fields);
            }
        });
        return section("profile.password", new FormLayout(current, chosen), change);
    }

    private Section section(String titleKey, Component body, Button action) {
        Section section = new Section();
        section.addClassName("card");
        section.add(new H2(getTranslation(titleKey)), body, action);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.title") + " · " + getTranslation("app.name");
    }
}
