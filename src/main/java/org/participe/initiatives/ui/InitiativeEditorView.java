package org.participe.initiatives.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.initiatives.InitiativeDetail;
import org.participe.initiatives.InitiativeDraft;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.initiatives.Phase;
import org.participe.initiatives.PhaseDraft;
import org.participe.security.Roles;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/** Staff write an initiative and its phases; saving keeps it a draft until published. */
@Route("initiatives/new")
@RouteAlias("initiatives/:id([0-9]+)/edit")
@RolesAllowed(Roles.STAFF)
public class InitiativeEditorView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final InitiativeService initiatives;
    final TextField title = new TextField();
    final TextArea summary = new TextArea();
    final TextArea description = new TextArea();
    final ComboBox<Category> category = new ComboBox<>();
    final MultiSelectComboBox<Neighbourhood> places = new MultiSelectComboBox<>();
    final IntegerField budget = new IntegerField();
    final Select<InitiativeStatus> status = new Select<>();
    final IntegerField progress = new IntegerField();
    final TextField contact = new TextField();
    private final Div phaseRows = new Div();
    private final Paragraph phaseError = new Paragraph();
    private final List<PhaseRow> rows = new ArrayList<>();
    private final Select<Integer> currentPhase = new Select<>();
    private final H1 heading = new H1();
    private InitiativeDetail editing;

    /** One editable phase. */
    final class PhaseRow extends Div {
        final TextField name = new TextField(getTranslation("initiative.phase.name"));
        final DatePicker starts = new DatePicker(getTranslation("initiative.phase.starts"));
        final DatePicker ends = new DatePicker(getTranslation("initiative.phase.ends"));
        final TextField text = new TextField(getTranslation("initiative.phase.description"));

        PhaseRow(Phase phase) {
            addClassName("phase-row");
            name.setMaxLength(120);
            text.setMaxLength(2000);
            if (phase != null) {
                name.setValue(phase.name());
                starts.setValue(phase.startsOn());
                ends.setValue(phase.endsOn());
                text.setValue(phase.description());
            }
            Button remove = new Button(getTranslation("initiative.phase.remove"), e -> {
                rows.remove(this);
                removeFromParent();
                refreshCurrentPhaseChoices();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            name.addValueChangeListener(e -> refreshCurrentPhaseChoices());
            add(name, starts, ends, text, remove);
        }

        PhaseDraft draft() {
            return new PhaseDraft(name.getValue(), starts.getValue(), ends.getValue(), text.getValue());
        }
    }

    public InitiativeEditorView(InitiativeService initiatives, TownService town) {
        this.initiatives = initiatives;
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        title.setLabel(getTranslation("initiative.form.title"));
        title.setMaxLength(160);
        title.setRequiredIndicatorVisible(true);
        summary.setLabel(getTranslation("initiative.form.summary"));
        summary.setMaxLength(400);
        summary.setRequiredIndicatorVisible(true);
        description.setLabel(getTranslation("initiative.form.description"));
        description.setMaxLength(20000);
        description.setMinHeight("8rem");
        description.setRequiredIndicatorVisible(true);
        category.setLabel(getTranslation("ideas.category"));
        category.setItems(town.activeCategories());
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.setRequiredIndicatorVisible(true);
        places.setLabel(getTranslation("initiative.form.neighbourhoods"));
        places.setItems(town.activeNeighbourhoods());
        places.setItemLabelGenerator(Neighbourhood::name);
        places.setHelperText(getTranslation("initiative.form.neighbourhoods.help"));
        budget.setLabel(getTranslation("initiative.form.budget"));
        budget.setMin(0);
        budget.setHelperText(getTranslation("signup.optional"));
        status.setLabel(getTranslation("ideas.status"));
        status.setItems(InitiativeStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("initiative.status." + s.name()));
        status.setValue(InitiativeStatus.PLANNED);
        progress.setLabel(getTranslation("initiative.form.progress"));
        progress.setMin(0);
        progress.setMax(100);
        progress.setValue(0);
        progress.setStepButtonsVisible(true);
        progress.setStep(5);
        contact.setLabel(getTranslation("initiative.form.contact"));
        contact.setMaxLength(160);
        currentPhase.setLabel(getTranslation("initiative.form.current-phase"));
        currentPhase.setEmptySelectionAllowed(true);
        currentPhase.setEmptySelectionCaption(getTranslation("initiative.form.current-phase.auto"));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.add(title, 2);
        form.add(summary, 2);
        form.add(description, 2);
        form.add(category, places, status, progress, budget, contact);

        phaseError.addClassName("field-error");
        phaseError.getElement().setAttribute("role", "alert");
        phaseError.setVisible(false);
        Button addPhase = new Button(getTranslation("initiative.phase.add"), e -> {
            PhaseRow row = new PhaseRow(null);
            rows.add(row);
            phaseRows.add(row);
            row.name.focus();
        });
        Button save = new Button(getTranslation("initiative.form.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        layout.add(heading, new Paragraph(getTranslation("initiative.form.intro")), FormErrors.requiredNote(this), form,
                new H2(getTranslation("initiative.phases")), phaseError, phaseRows, addPhase, currentPhase, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().getLong("id");
        if (id.isEmpty()) {
            heading.setText(getTranslation("initiative.form.new"));
            return;
        }
        editing = initiatives.detail(id.get()).orElse(null);
        if (editing == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        heading.setText(getTranslation("initiative.form.edit"));
        title.setValue(editing.title());
        summary.setValue(editing.summary());
        description.setValue(editing.description());
        category.getListDataView().getItems().filter(c -> c.id() == editing.categoryId()).findFirst().ifPresent(category::setValue);
        places.setValue(places.getListDataView().getItems().filter(n -> editing.neighbourhoodIds().contains(n.id())).collect(Collectors.toSet()));
        budget.setValue(editing.budgetEuros() == null ? null : editing.budgetEuros().intValue());
        status.setValue(editing.status());
        progress.setValue(editing.progress());
        contact.setValue(editing.contactService());
        for (Phase phase : editing.phases()) {
            PhaseRow row = new PhaseRow(phase);
            rows.add(row);
            phaseRows.add(row);
        }
        refreshCurrentPhaseChoices();
        if (editing.currentPhaseSet()) {
            currentPhase.setValue(editing.currentPhasePosition());
        }
    }

    private void refreshCurrentPhaseChoices() {
        Integer chosen = currentPhase.getValue();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            positions.add(i);
        }
        currentPhase.setItems(positions);
        currentPhase.setItemLabelGenerator(i -> i == null ? getTranslation("initiative.form.current-phase.auto")
                : (i + 1) + ". " + rows.get(i).name.getValue());
        currentPhase.setValue(chosen != null && chosen < rows.size() ? chosen : null);
    }

    private void save() {
        Map<String, HasValidation> fields = new HashMap<>(Map.<String, HasValidation>of("title", title, "summary", summary, "description", description,
                "categoryId", category, "neighbourhoodIds", places, "budgetEuros", budget, "status", status, "progress", progress,
                "contactService", contact));
        fields.put("currentPhase", currentPhase);
        FormErrors.clear(fields);
        phaseError.setVisible(false);
        InitiativeDraft draft = new InitiativeDraft(title.getValue(), summary.getValue(), description.getValue(),
                category.getOptionalValue().map(Category::id).orElse(null),
                places.getValue().stream().map(Neighbourhood::id).collect(Collectors.toSet()),
                budget.getValue() == null ? null : budget.getValue().longValue(), status.getValue(), progress.getValue(),
                contact.getValue(), rows.stream().map(PhaseRow::draft).toList(), currentPhase.getValue());
        try {
            long id;
            if (editing == null) {
                id = initiatives.create(draft);
            } else {
                initiatives.update(editing.id(), draft, editing.version());
                id = editing.id();
            }
            getUI().ifPresent(ui -> ui.navigate(ContentKey.initiative(id).path()));
        } catch (InvalidInputException refusal) {
            var phaseProblem = refusal.errors().get("phases");
            if (phaseProblem != null) {
                phaseError.setText(getTranslation(phaseProblem.messageKey(), phaseProblem.arguments()));
                phaseError.setVisible(true);
            }
            var others = new HashMap<>(refusal.errors());
            others.remove("phases");
            if (!others.isEmpty()) {
                FormErrors.show(this, new InvalidInputException(others), fields);
            }
        }
    }


    @Override
    public String getPageTitle() {
        return getTranslation(editing == null ? "initiative.form.new" : "initiative.form.edit") + " · " + getTranslation("app.name");
    }
}
