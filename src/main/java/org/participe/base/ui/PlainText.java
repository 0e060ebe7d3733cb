package org.participe.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Shows residents' text safely: paragraphs from blank lines, line breaks kept by CSS, and only
 * http(s) addresses turned into links. Everything else stays text; no markup is ever interpreted.
 */
public final class PlainText {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]");

    private PlainText() {
    }

    public static List<Paragraph> paragraphs(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            Paragraph paragraph = new Paragraph();
            paragraph.addClassName("user-text");
            appendWithLinks(paragraph, block.strip());
            paragraphs.add(paragraph);
        }
        return paragraphs;
    }

    private static void appendWithLinks(Paragraph paragraph, String text) {
        Matcher matcher = LINK.matcher(text);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                paragraph.add(new Text(text.substring(last, matcher.start())));
            }
            Anchor link = new Anchor(matcher.group(), matcher.group(), AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "nofollow ugc noopener noreferrer");
            paragraph.add(link);
            last = matcher.end();
        }
        if (last < text.length()) {
            paragraph.add(new Text(text.substring(last)));
        }
    }

}
