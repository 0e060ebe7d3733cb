package org.participe.ideas;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load test's baseline: a bare endpoint reading one public idea by id with plain JDBC (no
 * Vaadin, no JPA), open to anyone like the idea's page. Off unless {@code participe.bench.endpoint=true},
 * which only the benchmark sets; it shows nothing the public page does not. It lives in
 * {@code src/bench/java}, compiled only by the {@code bench} Maven profile, so the production jar
 * does not contain it; it sits in the ideas package because it reads the ideas module's tables.
 */
@RestController
@ConditionalOnProperty(name = "participe.bench.endpoint", havingValue = "true")
class IdeaBaselineEndpoint {

    private final JdbcTemplate jdbc;

    IdeaBaselineEndpoint(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/bench/idea/{id}")
    ResponseEntity<Map<String, Object>> idea(@PathVariable long id) {
        var rows = jdbc.queryForList("""
                select i.id, i.title, i.status, c.support_count, c.comment_count from idea i join idea_counts c on c.idea_id = i.id
                where i.id = ? and not i.hidden and i.status <> 'PENDING'""", id);
        return rows.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(rows.getFirst());
    }

    /** Anyone may read it, as anyone may read the idea's page; it takes no input but the id. */
    @Bean
    @Order(0)
    SecurityFilterChain baselineEndpointSecurity(HttpSecurity http) {
        return http.securityMatcher("/bench/**").authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }
}
