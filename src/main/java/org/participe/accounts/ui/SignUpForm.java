package org.participe.accounts.ui;

import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.participe.accounts.PasswordPolicy;
import org.participe.accounts.Registration;
import org.participe.accounts.Sex;
import org.participe.town.Neighbourhood;

/**
 * The sign-up fields. Every rule is checked again by the service; this form helps as the person
 * types (the password's strength) and never loses what was typed when the service refuses it.
 */
class SignUpForm extends Composite<FormLayout> {

    final EmailField email = new EmailField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final ComboBox<Neighbourhood> neighbourhood = new ComboBox<>();
    final IntegerField birthYear = new IntegerField();
    final Select<Sex> sex = new Select<>();
    final Checkbox termsAccepted = new Checkbox();
    /** Invisible to people, tempting to naive bots: a filled value means a robot. */
    final TextField website = new TextField();

    SignUpForm(List<Neighbourhood> neighbourhoods, PasswordPolicy passwordPolicy) {
        FormLayout layout = getContent();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));

        email.setLabel(getTranslation("signup.email"));
        email.setRequiredIndicatorVisible(true);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setMaxLength(254);
        email.setErrorMessage(getTranslation("validation.email"));

        displayName.setLabel(getTranslation("signup.display-name"));
        displayName.setHelperText(getTranslation("signup.display-name.help"));
        displayName.setRequiredIndicatorVisible(true);
        displayName.setMaxLength(60);
        displayName.setAutocomplete(Autocomplete.NICKNAME);

        password.setLabel(getTranslation("signup.password"));
        password.setHelperText(getTranslation("signup.password.help", PasswordPolicy.MIN_LENGTH));
        password.setRequiredIndicatorVisible(true);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setValueChangeMode(ValueChangeMode.LAZY);
        password.setValueChangeTimeout(500);
        password.addValueChangeListener(change -> {
            if (change.getValue().isEmpty()) {
                password.setInvalid(false);
                return;
            }
            passwordPolicy.check(change.getValue(), email.getValue(), displayName.getValue(), getLocale())
                    .ifPresentOrElse(problem -> {
                        password.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments()));
                        password.setInvalid(true);
                    }, () -> {
                        password.setInvalid(false);
                        password.setHelperText(getTranslation("signup.password.ok"));
                    });
        });

        neighbourhood.setLabel(getTranslation("signup.neighbourhood"));
        neighbourhood.setItems(neighbourhoods);
        neighbourhood.setItemLabelGenerator(Neighbourhood::name);
        neighbourhood.setClearButtonVisible(true);
        neighbourhood.setHelperText(getTranslation("signup.optional"));

        birthYear.setLabel(getTranslation("signup.birth-year"));
        birthYear.setMin(1900);
        birthYear.setMax(Year.now().getValue());
        birthYear.setHelperText(getTranslation("signup.statistics-only"));

        sex.setLabel(getTranslation("signup.sex"));
        sex.setItems(Sex.values());
        sex.setEmptySelectionAllowed(true);
        sex.setEmptySelectionCaption(getTranslation("signup.sex.undisclosed"));
        sex.setItemLabelGenerator(value -> value == null ? getTranslation("signup.sex.undisclosed") : getTranslation("sex." + value.name()));
        sex.setHelperText(getTranslation("signup.statistics-only"));

        Span terms = new Span(getTranslation("signup.terms.accept") + " ");
        Anchor termsLink = new Anchor("terms", getTranslation("signup.terms.link"));
        termsLink.setTarget("_blank");
        termsAccepted.setLabelComponent(new Span(terms, termsLink));
        termsAccepted.setRequiredIndicatorVisible(true);

        website.setLabel("Website");
        website.addClassName("honeypot");
        website.getElement().setAttribute("aria-hidden", "true");
        website.getElement().setAttribute("tabindex", "-1");
        website.setAutocomplete(Autocomplete.OFF);

        Paragraph privacy = new Paragraph(getTranslation("signup.statistics-explained"));
        privacy.addClassName("form-note");

        layout.add(email, displayName, password, neighbourhood, birthYear, sex);
        layout.add(privacy, 2);
        layout.add(termsAccepted, 2);
        layout.add(website);
    }

    Registration registration(Locale locale) {
        return new Registration(email.getValue(), displayName.getValue(), password.getValue(),
                neighbourhood.getOptionalValue().map(Neighbourhood::id).orElse(null),
                birthYear.getValue(), sex.getValue(), termsAccepted.getValue(), locale);
    }

    boolean filledByRobot() {
        return !website.getValue().isEmpty();
    }

    Map<String, HasValidation> fields() {
        return Map.of("email", email, "displayName", displayName, "password", password,
                "neighbourhoodId", neighbourhood, "birthYear", birthYear, "sex", sex, "termsAccepted", termsAccepted);
    }
}
