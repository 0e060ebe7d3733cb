package org.participe.reporting.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.reporting.ReferencePopulation;
import org.participe.reporting.Representation;
import org.participe.reporting.ReportingService;
import org.participe.security.Roles;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/** Administrators keep the town's reference population (with its source), to which participants are compared. */
@Route("admin/reference-population")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "menu.admin.reference", order = 92, icon = "vaadin:group")
public class ReferencePopulationView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final ReportingService reporting;
    private final Map<String, IntegerField> fields = new LinkedHashMap<>();
    private final TextField source = new TextField();
    private ReferencePopulation current;

    public ReferencePopulationView(ReportingService reporting, TownService town) {
        this.reporting = reporting;
        this.current = reporting.referencePopulation();
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        source.setLabel(getTranslation("reports.reference.source-field"));
        source.setHelperText(getTranslation("reports.reference.source-help"));
        source.setMaxLength(300);
        source.setWidthFull();
        source.setValue(current.source());
        layout.add(new H1(getTranslation("reports.reference.title")), new Paragraph(getTranslation("reports.reference.intro")), source);
        FormLayout places = new FormLayout();
        for (Neighbourhood neighbourhood : town.neighbourhoods()) {
            places.add(field(Representation.Dimension.NEIGHBOURHOOD, String.valueOf(neighbourhood.id()), neighbourhood.name()));
        }
        FormLayout ages = new FormLayout();
        ReportingService.AGE_BANDS.forEach(band -> ages.add(field(Representation.Dimension.AGE_BAND, band, getTranslation("reports.age-band", band))));
        FormLayout sexes = new FormLayout();
        ReportingService.SEXES.forEach(sex -> sexes.add(field(Representation.Dimension.SEX, sex, getTranslation("sex." + sex))));
        Button save = new Button(getTranslation("profile.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        layout.add(new H2(getTranslation("reports.dimension.NEIGHBOURHOOD")), places, new H2(getTranslation("reports.dimension.AGE_BAND")), ages,
                new H2(getTranslation("reports.dimension.SEX")), sexes, save);
    }

    private IntegerField field(Representation.Dimension dimension, String group, String label) {
        String key = ReferencePopulation.key(dimension, group);
        IntegerField field = new IntegerField(label);
        field.setMin(0);
        field.setValue(current.populations().get(key));
        fields.put(key, field);
        return field;
    }

    private void save() {
        Map<String, HasValidation> validated = new HashMap<>(fields);
        validated.put("source", source);
        FormErrors.clear(validated);
        Map<String, Integer> populations = new HashMap<>();
        fields.forEach((key, field) -> populations.put(key, field.getValue()));
        try {
            reporting.saveReferencePopulation(source.getValue(), populations, current.version());
            current = reporting.referencePopulation();
            FormErrors.success(getTranslation("reports.reference.saved"));
        } catch (InvalidInputException refusal) {
            FormErrors.show(this, refusal, validated);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.reference.title") + " · " + getTranslation("app.name");
    }
}
