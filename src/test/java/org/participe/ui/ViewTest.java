package org.participe.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.participe.security.ParticipeUser;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Views tested without a browser, against the real services and database. */
@SpringBootTest
abstract class ViewTest extends SpringBrowserlessTest {

    @Autowired
    protected TestData data;

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    protected ParticipeUser signIn(String prefix, String... roles) {
        ParticipeUser user = data.confirmedAccount(prefix, roles);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return user;
    }
}
