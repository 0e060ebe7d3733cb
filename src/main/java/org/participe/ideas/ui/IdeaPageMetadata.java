package org.participe.ideas.ui;

import java.util.Optional;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jsoup.nodes.Document;
import org.participe.base.TownBranding;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.ideas.IdeaService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Social networks read an idea's link without running scripts: its title, description and image
 * go into the first HTML response as Open Graph tags.
 */
@Component
class IdeaPageMetadata implements VaadinServiceInitListener {

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
            ideaOf(response.getVaadinRequest().getPathInfo()).flatMap(ideas::detail).ifPresent(idea -> {
                Document document = response.getDocument();
                String townName = town.townName();
                String flat = idea.description().replaceAll("\\s+", " ");
                String description = flat.length() > 200 ? flat.substring(0, 197) + "…" : flat;
                document.title(idea.title() + " · " + townName);
                meta(document, "name", "description", description);
                meta(document, "property", "og:type", "article");
                meta(document, "property", "og:title", idea.title());
                meta(document, "property", "og:description", description);
                meta(document, "property", "og:url", baseUrl + "/" + ContentKey.idea(idea.id()).path());
                meta(document, "property", "og:site_name", townName);
                if (idea.hasPhoto()) {
                    meta(document, "property", "og:image", baseUrl + "/media/ideas/" + idea.id() + "/photo.jpg");
                }
                meta(document, "name", "twitter:card", idea.hasPhoto() ? "summary_large_image" : "summary");
            });
        });
    }

    /** jsoup escapes attribute values: a resident's text cannot break out of the tag. */
    /** The idea whose page the request asks for ({@code /ideas/12}, a trailing slash allowed). */
    private static Optional<Long> ideaOf(String requestPath) {
        String path = requestPath == null ? "" : requestPath.replaceFirst("^/", "").replaceFirst("/$", "");
        return ContentKey.ofPath(path).filter(content -> content.kind() == ContentKind.IDEA).map(ContentKey::id);
    }

    private static void meta(Document document, String keyAttribute, String key, String content) {
        document.head().appendElement("meta").attr(keyAttribute, key).attr("content", content);
    }
}
