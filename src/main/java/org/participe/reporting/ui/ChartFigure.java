package org.participe.reporting.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Section;
import org.participe.base.ui.Tables;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart drawn by Apache ECharts (a static script under frontend/scripts, driven through
 * {@code executeJs}) with its data as a table right under it: the chart is decoration for sighted
 * readers, the table is what keyboards and screen readers reach (the chart is hidden from them).
 */
@JavaScript("context://scripts/echarts-6.1.0/echarts.min.js")
public class ChartFigure extends Composite<Section> {

    /** Columns for a few short labels, bars across for named groups (their names stay readable on a phone), lines over time. */
    public enum Kind { BARS, HORIZONTAL_BARS, LINES }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Draws once the element has its size, and follows its size afterwards (phone rotation, drawer). */
    private static final String DRAW = """
            const element = this;
            const option = JSON.parse($0);
            requestAnimationFrame(() => {
              const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'canvas' });
              chart.setOption(option, true);
            });
            if (!element.participeObserver) {
              element.participeObserver = new ResizeObserver(() => {
                const chart = echarts.getInstanceByDom(element);
                if (chart) { chart.resize(); }
              });
              element.participeObserver.observe(element);
            }""";

    private final Div canvas = new Div();
    private final NativeDetails data = new NativeDetails();

    private final String title;

    /** The table's toggle names its chart: thirteen toggles all called "see the data" cannot be told apart in a list of links. */
    public ChartFigure(String title) {
        this.title = title;
        Section section = getContent();
        section.addClassName("chart-figure");
        canvas.addClassName("chart-canvas");
        canvas.getElement().setAttribute("aria-hidden", "true");
        data.setSummaryText(getTranslation("reports.chart.data.named", title));
        data.addClassName("chart-data");
        section.add(new H3(title), canvas, data);
    }

    /** Draws the series over the labels, and writes the same numbers in the table. */
    public void show(Kind kind, String labelHeader, List<String> labels, Map<String, List<? extends Number>> series) {
        show(kind, labelHeader, labels, labels, series);
    }

    /**
     * Draws the series, the axis carrying {@code axisLabels} (shorter, e.g. dates without the
     * year), and writes the full {@code labels} with the same numbers in the table.
     */
    public void show(Kind kind, String labelHeader, List<String> labels, List<String> axisLabels, Map<String, List<? extends Number>> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 16, "right", 24, "bottom", 8, "top", 36, "containLabel", true));
        option.put("color", List.of("#1a5fb4", "#c64600", "#26a269", "#813d9c"));
        Map<String, Object> groups = new LinkedHashMap<>(Map.of("type", "category", "data", axisLabels));
        Map<String, Object> values = Map.of("type", "value", "minInterval", 1);
        if (kind == Kind.HORIZONTAL_BARS) {
            groups.put("inverse", true);
            groups.put("axisLabel", Map.of("width", 120, "overflow", "break"));
            option.put("yAxis", groups);
            option.put("xAxis", values);
            // room for every group's bars: the canvas grows with the number of groups
            canvas.getStyle().setHeight(Math.max(200, 60 + labels.size() * (12 * series.size() + 20)) + "px");
        } else {
            groups.put("axisLabel", Map.of("hideOverlap", true));
            option.put("xAxis", groups);
            option.put("yAxis", values);
        }
        List<Map<String, Object>> drawn = new ArrayList<>();
        series.forEach((name, numbers) -> drawn.add(Map.of("name", name, "type", kind == Kind.LINES ? "line" : "bar", "data", numbers)));
        option.put("series", drawn);
        canvas.getElement().executeJs(DRAW, JSON.writeValueAsString(option));
        data.setContent(table(title, labelHeader, labels, series));
    }

    private static Div table(String chartName, String labelHeader, List<String> labels, Map<String, List<? extends Number>> series) {
        NativeTable table = new NativeTable();
        table.addClassName("figures-table");
        NativeTableRow head = table.getHead().addRow();
        Tables.columnHeader(head, labelHeader);
        series.keySet().forEach(name -> Tables.columnHeader(head, name));
        NativeTableBody body = table.addBody();
        for (int i = 0; i < labels.size(); i++) {
            NativeTableRow row = body.addRow();
            Tables.rowHeader(row, labels.get(i));
            for (List<? extends Number> values : series.values()) {
                row.addDataCell().setText(String.valueOf(values.get(i)));
            }
        }
        Div scroller = Tables.region(table, chartName);
        return scroller;
    }

}
