package org.participe.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.participe.test.HostileInputs;
import org.participe.test.HostileInputs.Input;

/**
 * The two ways residents' text reaches a page, fed the whole hostile corpus: the card markup
 * ({@link StaticMarkup}, parsed back the way a browser would) and paragraphs ({@link PlainText}).
 * Nothing in the text may become an element, an attribute, or a link other than http(s).
 */
class HostileTextRenderingTest {

    private static List<Input> corpus() {
        List<Input> inputs = new ArrayList<>(HostileInputs.raw().stream().filter(input -> input.value().length() < 100_000).toList());
        inputs.addAll(HostileInputs.wrapped());
        return inputs;
    }

    @Test
    void cardMarkupKeepsEveryHostileTextAsText() {
        for (Input input : corpus()) {
            Element card = StaticMarkup.element("article", "idea-card");
            StaticMarkup.text(card, "a", input.value()).attr("href", "ideas/1");
            StaticMarkup.text(card, "p", input.value(), "idea-card-excerpt");

            Element drawn = Jsoup.parseBodyFragment(card.outerHtml()).body();

            assertThat(drawn.select("*").stream().map(Element::tagName).toList()).as(input.label())
                    .containsExactly("body", "article", "a", "p");
            assertThat(drawn.select("*").stream().flatMap(e -> e.attributes().asList().stream()).map(Attribute::getKey).toList())
                    .as(input.label() + ": no attribute comes from the text").containsOnly("class", "href");
            assertThat(drawn.selectFirst("a").attr("href")).isEqualTo("ideas/1");
            assertThat(visible(drawn.selectFirst("p").wholeText())).as(input.label() + ": every visible character reads back as typed")
                    .isEqualTo(visible(input.value()));
        }
    }

    @Test
    void paragraphsKeepEveryHostileTextAsTextAndLinkOnlyTheWeb() {
        for (Input input : corpus()) {
            for (Paragraph paragraph : PlainText.paragraphs(input.value())) {
                paragraph.getChildren().forEach(child -> {
                    assertThat(child).as(input.label()).isInstanceOfAny(Text.class, Anchor.class);
                    if (child instanceof Anchor link) {
                        assertThat(link.getHref()).as(input.label()).matches("https?://.*");
                    }
                });
            }
        }
    }

    @Test
    void aJavascriptOrDataUrlNeverBecomesALink() {
        List<Component> children = PlainText.paragraphs("voir javascript:alert(1) et data:text/html,<script>alert(1)</script> puis https://example.org/page")
                .getFirst().getChildren().toList();
        assertThat(children).filteredOn(Anchor.class::isInstance).extracting(c -> ((Anchor) c).getHref())
                .containsExactly("https://example.org/page");
    }

    /** The text without whitespace and control characters, which HTML parsing may turn into one another or drop. */
    private static String visible(String value) {
        return value.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
