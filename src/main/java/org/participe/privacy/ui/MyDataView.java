package org.participe.privacy.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import org.participe.base.TownZone;
import org.participe.base.ui.Confirm;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.privacy.DataExport;
import org.participe.privacy.PrivacyService;

/**
 * The signed-in person's rights over their data: a copy of it (links valid seven days) and the
 * deletion of their account, confirmed by their password and once more in a dialog.
 */
@Route("my-data")
@PermitAll
public class MyDataView extends Composite<VerticalLayout> implements HasDynamicTitle, BeforeEnterObserver {

    static final String UNKNOWN_LINK = "unknown";

    private final PrivacyService privacy;
    private final Paragraph unknownLink = new Paragraph();
    private final UnorderedList links = new UnorderedList();
    private final H2 linksTitle = new H2();
    private final DateTimeFormatter dates;

    public MyDataView(PrivacyService privacy) {
        this.privacy = privacy;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(TownZone.zone());
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        unknownLink.setText(getTranslation("my-data.export.not-found"));
        unknownLink.addClassName("field-error");
        unknownLink.getElement().setAttribute("role", "alert");
        unknownLink.setVisible(false);
        layout.add(new H1(getTranslation("my-data.title")), unknownLink, new Paragraph(getTranslation("my-data.intro")), exportSection(),
                deleteSection());
        showLinks();
    }

    private Section exportSection() {
        Button request = new Button(getTranslation("my-data.export.request"), click -> {
            try {
                privacy.requestExport();
                showLinks();
                FormErrors.success(getTranslation("my-data.export.ready"));
            } catch (TooManyRequestsException tooMany) {
                FormErrors.error(getTranslation(tooMany.messageKey()));
            }
        });
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        linksTitle.setText(getTranslation("my-data.export.links"));
        Section section = new Section(new H2(getTranslation("my-data.export.title")), new Paragraph(getTranslation("my-data.export.text")),
                request, linksTitle, links);
        section.addClassName("card");
        return section;
    }

    private void showLinks() {
        links.removeAll();
        for (DataExport export : privacy.myExports()) {
            Anchor link = new Anchor(export.path(), getTranslation("my-data.export.link", dates.format(export.createdAt()),
                    dates.format(export.expiresAt())));
            link.setRouterIgnore(true);
            link.getElement().setAttribute("download", "");
            links.add(new ListItem(link));
        }
        linksTitle.setVisible(links.getComponentCount() > 0);
        links.setVisible(links.getComponentCount() > 0);
    }

    private Section deleteSection() {
        RadioButtonGroup<Boolean> contributions = new RadioButtonGroup<>(getTranslation("my-data.delete.choice"));
        contributions.setItems(false, true);
        contributions.setItemLabelGenerator(erase -> getTranslation(erase ? "my-data.delete.erase" : "my-data.delete.keep"));
        contributions.setValue(false);
        contributions.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        PasswordField password = new PasswordField(getTranslation("my-data.delete.password"));
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        Map<String, HasValidation> fields = Map.of("password", password);
        Button delete = new Button(getTranslation("my-data.delete.button"), click -> Confirm.destructive(
                getTranslation("my-data.delete.confirm.title"), getTranslation("my-data.delete.confirm.text"),
                getTranslation("my-data.delete.confirm.button"), getTranslation("action.cancel"), () -> {
                    FormErrors.clear(fields);
                    try {
                        privacy.deleteMyAccount(password.getValue(), Boolean.TRUE.equals(contributions.getValue()));
                        signOutTo(AccountDeletedView.ROUTE);
                    } catch (InvalidInputException refusal) {
                        FormErrors.show(this, refusal, fields);
                    } catch (TooManyRequestsException tooMany) {
                        FormErrors.error(getTranslation(tooMany.messageKey()));
                    }
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Section section = new Section(new H2(getTranslation("my-data.delete.title")), new Paragraph(getTranslation("my-data.delete.text")),
                FormErrors.requiredNote(this), contributions, password, delete);
        section.addClassName("card");
        return section;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        unknownLink.setVisible(event.getLocation().getQueryParameters().getSingleParameter("link").filter(UNKNOWN_LINK::equals).isPresent());
    }

    /** The account is gone: this browser's session goes too, and the page says what happened. */
    private static void signOutTo(String route) {
        UI ui = UI.getCurrent();
        ui.getPage().setLocation(route);
        VaadinSession.getCurrent().getSession().invalidate();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-data.title") + " · " + getTranslation("app.name");
    }
}
