package org.participe.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.participe.benchmark.BenchData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The load script cannot rot: a few sessions of each kind run its journeys for some seconds
 * against the application loaded with the tiny data set (in a database of its own), and every
 * request must succeed: pages drawn, supports given, comments posted, the inbox opened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=", "participe.embedded-db.enabled=true", "participe.embedded-db.ephemeral=false",
        "participe.embedded-db.data-dir=target/load-smoke-postgres", "participe.embedded-db.reset=true"})
class LoadScriptSmokeIT {

    @LocalServerPort
    int port;

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;

    @Test
    void visitorsResidentsAndOfficialsRunTheirJourneysWithoutAnError() throws Exception {
        BenchData.TINY.load(jdbc, passwords.encode(BenchData.PASSWORD));
        long commentsBefore = jdbc.sql("select count(*) from comment").query(Long.class).single();
        Path results = Path.of("target/gatling-smoke");
        Files.createDirectories(results);

        int status = LoadRun.gatling(results, "smoke", Map.of("load.baseUrl", "http://127.0.0.1:" + port, "load.sessions", "8",
                "load.rampSeconds", "2", "load.holdSeconds", "20", "load.thinkMillis", "300", "load.strict", "true",
                "load.residents", String.valueOf(BenchData.TINY.residentCount())));

        assertThat(status).as("Gatling's exit status: its strict assertions (no failed request, every journey completed) held")
                .isZero();
        assertThat(jdbc.sql("select count(*) from comment").query(Long.class).single()).as("the comments were saved")
                .isGreaterThan(commentsBefore);
    }
}
