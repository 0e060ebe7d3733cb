package org.participe.moderation.ui;

import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.participe.base.ui.Confirm;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.moderation.AnswerTemplate;
import org.participe.moderation.FollowUpService;
import org.participe.security.Roles;

/** The answer templates the town keeps: officials add, correct and remove them; the answer form offers them. */
@Route("moderation/templates")
@RolesAllowed(Roles.OFFICIAL)
public class AnswerTemplatesView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final FollowUpService followUp;
    private final Grid<AnswerTemplate> grid = new Grid<>();
    private final TextField title = new TextField();
    private final TextArea body = new TextArea();
    private final H2 formTitle = new H2();
    private AnswerTemplate editing;

    public AnswerTemplatesView(FollowUpService followUp) {
        this.followUp = followUp;
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        grid.addColumn(AnswerTemplate::title).setHeader(getTranslation("templates.column.title")).setAutoWidth(true);
        grid.addColumn(t -> t.body().length() <= 140 ? t.body() : t.body().substring(0, 139) + "…")
                .setHeader(getTranslation("templates.column.body")).setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Button delete = new Button(getTranslation("templates.delete"), e -> Confirm.destructive(getTranslation("templates.delete.title", t.title()),
                    getTranslation("templates.delete.text"), getTranslation("templates.delete"), getTranslation("action.cancel"), () -> {
                        followUp.deleteTemplate(t.id());
                        edit(null);
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("aria-label", getTranslation("templates.delete.title", t.title()));
            return delete;
        }).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("templates.empty"));
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.isFromClient()) {
                edit(change.getValue());
            }
        });

        title.setLabel(getTranslation("templates.title-field"));
        title.setMaxLength(120);
        title.setWidthFull();
        body.setLabel(getTranslation("templates.body-field"));
        body.setHelperText(getTranslation("templates.body-field.help"));
        body.setMaxLength(5000);
        body.setWidthFull();
        body.setMinHeight("10rem");
        Map<String, HasValidation> fields = Map.of("title", title, "body", body);
        Button save = new Button(getTranslation("profile.save"), e -> {
            FormErrors.clear(fields);
            try {
                followUp.saveTemplate(editing == null ? null : editing.id(), title.getValue(), body.getValue(),
                        editing == null ? 0 : editing.version());
                FormErrors.success(getTranslation("templates.saved"));
                edit(null);
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button(getTranslation("templates.new"), e -> edit(null));
        fresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Section form = new Section(formTitle, title, body, save, fresh);
        form.addClassName("card");
        layout.add(new H1(getTranslation("templates.title")), new Paragraph(getTranslation("templates.intro")), grid, form);
        edit(null);
    }

    private void edit(AnswerTemplate template) {
        editing = template;
        formTitle.setText(getTranslation(template == null ? "templates.form.new" : "templates.form.edit"));
        title.setValue(template == null ? "" : template.title());
        body.setValue(template == null ? "" : template.body());
        grid.setItems(followUp.templates());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.title") + " · " + getTranslation("app.name");
    }
}
