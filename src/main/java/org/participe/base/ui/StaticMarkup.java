package org.participe.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import org.jsoup.nodes.Element;

/**
 * A read-only part of a page (a card in a list) drawn as one server-side component holding its
 * markup, instead of a component per tag: a list of cards then weighs a tenth of the memory per
 * open page (docs/BENCHMARKS.md). The markup is built as a tree whose texts and attributes are
 * escaped by the tree itself, so a resident's text always stays text.
 */
public final class StaticMarkup {

    private StaticMarkup() {
    }

    /** A new element, with classes. */
    public static Element element(String tag, String... classes) {
        Element element = new Element(tag);
        for (String name : classes) {
            element.addClass(name);
        }
        return element;
    }

    /** Appends a child element holding {@code text} as text, and returns it. */
    public static Element text(Element parent, String tag, String text, String... classes) {
        Element child = element(tag, classes).text(text == null ? "" : text);
        parent.appendChild(child);
        return child;
    }

    public static Component component(Element root) {
        return new Html(root.outerHtml());
    }
}
