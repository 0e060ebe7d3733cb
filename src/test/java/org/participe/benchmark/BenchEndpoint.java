package org.participe.benchmark;

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
 * The load test's baseline: a bare endpoint of the same application reading one idea by id with
 * plain JDBC, open to anyone, without Vaadin or JPA. Only the benchmark turns it on
 * ({@code participe.bench.endpoint=true}); it lives in the test sources, never in the product.
 */
@RestController
@ConditionalOnProperty(name = "participe.bench.endpoint", havingValue = "true")
class BenchEndpoint {

    private final JdbcTemplate jdbc;

    BenchEndpoint(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/bench/idea/{id}")
    ResponseEntity<Map<String, Object>> idea(@PathVariable long id) {
        var rows = jdbc.queryForList("select id, title, support_count, comment_count from idea where id = ?", id);
        return rows.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(rows.getFirst());
    }

    @Bean
    @Order(0)
    SecurityFilterChain benchEndpointSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/bench/**").authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()).build();
    }
}
