package org.participe.accounts.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.participe.accounts.AccountService;
import org.participe.accounts.PersonRow;
import org.participe.base.TownZone;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.security.Roles;

/** Administrators find people and grant or remove their roles. */
@Route("admin/people")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "menu.admin.people", order = 90, icon = "vaadin:users")
public class PeopleView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final TextField search = new TextField();
    private final Grid<PersonRow> grid = new Grid<>(PersonRow.class, false);

    public PeopleView(AccountService accounts) {
        this.accounts = accounts;
        VerticalLayout layout = getContent();
        layout.setSizeFull();

        search.setLabel(getTranslation("admin.people.search"));
        search.setPlaceholder(getTranslation("admin.people.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("min(100%, 24rem)");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                getUI().ifPresent(ui -> ui.navigate(PeopleView.class,
                        change.getValue().isBlank() ? QueryParameters.empty() : QueryParameters.of("q", change.getValue())));
            }
        });

        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(TownZone.zone());
        grid.addColumn(PersonRow::displayName).setHeader(getTranslation("admin.people.name")).setSortProperty("displayName").setAutoWidth(true);
        grid.addColumn(PersonRow::email).setHeader(getTranslation("admin.people.email")).setSortProperty("email").setAutoWidth(true);
        grid.addColumn(person -> getTranslation(person.confirmed() ? "admin.people.confirmed.yes" : "admin.people.confirmed.no"))
                .setHeader(getTranslation("admin.people.confirmed")).setAutoWidth(true);
        grid.addColumn(person -> person.roles().stream().map(role -> getTranslation("role." + role)).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.people.roles")).setAutoWidth(true);
        grid.addColumn(person -> dates.format(person.createdAt())).setHeader(getTranslation("admin.people.created"))
                .setSortProperty("createdAt").setAutoWidth(true);
        grid.addComponentColumn(person -> {
            Button edit = new Button(getTranslation("admin.people.edit-roles"), click -> editRoles(person));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.getElement().setAttribute("aria-label", getTranslation("admin.people.edit-roles-of", person.displayName()));
            return edit;
        }).setHeader(getTranslation("admin.people.actions"));
        grid.setWidthFull();
        // Cells wrap rather than end in '…': an administrator reads every role and date whole.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("70vh");
        grid.setColumnReorderingAllowed(false);
        grid.setItemsPageable(pageable -> accounts.people(search.getValue(), pageable).getContent());

        layout.add(new H1(getTranslation("admin.people.title")), search, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        search.setValue(event.getLocation().getQueryParameters().getSingleParameter("q").orElse(""));
        grid.getDataProvider().refreshAll();
    }

    private void editRoles(PersonRow person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.people.roles-of", person.displayName()));
        CheckboxGroup<String> roles = new CheckboxGroup<>(getTranslation("admin.people.roles"));
        roles.setItems(Roles.GRANTABLE);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role));
        roles.setValue(new TreeSet<>(person.roles()));
        Button save = new Button(getTranslation("profile.save"), click -> {
            try {
                accounts.setRoles(person.id(), Set.copyOf(roles.getValue()));
                grid.getDataProvider().refreshAll();
                dialog.close();
                FormErrors.success(getTranslation("admin.people.roles-saved", person.displayName()));
            } catch (InvalidInputException refusal) {
                FormErrors.show(dialog, refusal, Map.of("roles", roles));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(roles);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.people.title") + " · " + getTranslation("app.name");
    }
}
