package org.participe.budget.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;

import tools.jackson.databind.json.JsonMapper;

/**
 * The votes of an envelope's projects as bars drawn by Apache ECharts (the static script reporting
 * uses too, no bundle build), winners in the town's blue and the others in grey. Decoration for
 * sighted readers: hidden from screen readers, who read the table next to it.
 */
@JavaScript("context://scripts/echarts-6.1.0/echarts.min.js")
class VotesChart extends Composite<Div> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
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

    /** One bar: a project's name, votes and whether it won. */
    record Bar(String name, int votes, boolean won) {
    }

    VotesChart(List<Bar> bars, String votesName) {
        Div canvas = getContent();
        canvas.addClassNames("chart-canvas", "votes-chart");
        canvas.getElement().setAttribute("aria-hidden", "true");
        canvas.getStyle().setHeight(Math.max(160, 40 + bars.size() * 36) + "px");
        List<Map<String, Object>> data = new ArrayList<>();
        for (Bar bar : bars) {
            data.add(Map.of("value", bar.votes(), "itemStyle", Map.of("color", bar.won() ? "#1a5fb4" : "#8a939c")));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 8, "right", 24, "bottom", 8, "top", 8, "containLabel", true));
        option.put("yAxis", Map.of("type", "category", "inverse", true, "data", bars.stream().map(Bar::name).toList(),
                "axisLabel", Map.of("width", 130, "overflow", "truncate")));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(Map.of("name", votesName, "type", "bar", "data", data)));
        canvas.getElement().executeJs(DRAW, JSON.writeValueAsString(option));
    }
}
