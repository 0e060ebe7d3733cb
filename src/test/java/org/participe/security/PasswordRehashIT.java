package org.participe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** A password hashed with the former Argon2 parameters still signs in, and is hashed again with the current ones. */
@SpringBootTest
class PasswordRehashIT {

    @Autowired WebApplicationContext context;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anOldHashSignsInAndIsUpgraded() throws Exception {
        data.ensureTown();
        ParticipeUser person = data.confirmedAccount("old-hash", Roles.RESIDENT);
        String former = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(TestData.PASSWORD);
        jdbc.update("update account set password_hash = ? where id = ?", former, person.accountId());
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();

        String target = mvc.perform(post("/login").session(new MockHttpSession()).param("username", person.email())
                .param("password", TestData.PASSWORD).with(csrf())).andReturn().getResponse().getRedirectedUrl();

        assertThat(target).doesNotContain("error");
        assertThat(jdbc.queryForObject("select password_hash from account where id = ?", String.class, person.accountId()))
                .startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }
}
