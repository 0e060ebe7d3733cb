package org.participe.ideas.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jsoup.nodes.Document;
import org.participe.base.TownBranding;
import org.participe.ideas.IdeaService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Social networks read an idea's link without running scripts: its title, description and image
 * go into the first HTML response as Open Graph tags.
 */
@Component
class IdeaPageMetadata implements VaadinServiceInitListener {

    private static final Pattern IDEA_PATH = Pattern.compile("^/?ideas/(\\d+)/?$");

    private final IdeaService ideas;
    private final TownBranding town;
    private final String baseUrl;

    IdeaPageMetadata(IdeaService ideas, TownBranding town, @Value("${participe.base-url}") String baseUrl) {
        this.ideas = ideas;
        this.town = town;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            String path = response.getVaadinRequest().getPathInfo();
            Matcher matcher = path == null ? null : IDEA_PATH.matcher(path);
            if (matcher == null || !matcher.matches()) {
                return;
            }
            ideas.detail(Long.parseLong(matcher.group(1))).ifPresent(idea -> {
                Document document = response.getDocument();
                String townName = town.townName();
                String flat = idea.description().replaceAll("\\s+", " ");
                String description = flat.length() > 200 ? flat.substring(0, 197) + "…" : flat;
                document.title(idea.title() + " · " + townName);
                meta(document, "name", "description", description);
                meta(document, "property", "og:type", "article");
                meta(document, "property", "og:title", idea.title());
                meta(document, "property", "og:description", description);
                meta(document, "property", "og:url", baseUrl + "/ideas/" + idea.id());
                meta(document, "property", "og:site_name", townName);
                if (idea.hasPhoto()) {
                    meta(document, "property", "og:image", baseUrl + "/media/ideas/" + idea.id() + "/photo.jpg");
                }
                meta(document, "name", "twitter:card", idea.hasPhoto() ? "summary_large_image" : "summary");
            });
        });
    }

    /** jsoup escapes attribute values: a resident's text cannot break out of the tag. */
    private static void meta(Document document, String keyAttribute, String key, String content) {
        document.head().appendElement("meta").attr(keyAttribute, key).attr("content", content);
    }
}
