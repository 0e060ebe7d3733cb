package org.participe.moderation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which content is hidden from the public now, for work that runs without a signed-in person and
 * must not repeat hidden content (the daily digest). One statement per kind of content asked about.
 */
@Component
@Transactional(readOnly = true)
public class HiddenContent {

    private final JdbcClient jdbc;

    HiddenContent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<ContentRef> among(Collection<ContentRef> refs) {
        Map<String, List<Long>> byType = refs.stream()
                .collect(Collectors.groupingBy(ContentRef::type, Collectors.mapping(ContentRef::id, Collectors.toList())));
        Set<ContentRef> hidden = new HashSet<>();
        byType.forEach((type, ids) -> jdbc.sql("select content_id from moderation_item where hidden and content_type = :type and content_id in (:ids)")
                .param("type", type).param("ids", ids).query(Long.class).list()
                .forEach(id -> hidden.add(new ContentRef(type, id))));
        return hidden;
    }
}
