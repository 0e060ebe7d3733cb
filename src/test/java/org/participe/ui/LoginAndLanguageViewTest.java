package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;


import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.i18n.SupportedLocales;
import org.participe.base.ui.NotFoundView;
import org.participe.home.ui.HomeView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.ui.LoginView;
import org.participe.town.ui.PrivacyView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class LoginAndLanguageViewTest extends ViewTest {

    @Autowired LocalePreference localePreference;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theLoginFormPostsToSpringSecurityAndShowsARefusal() {
        LoginView view = navigate(LoginView.class);
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();

        UI.getCurrent().navigate(LoginView.class, QueryParameters.of("error", ""));
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view).isNotNull();
    }

    @Test
    void aSignedInPersonOpeningTheLoginPageGoesHome() {
        signIn("already-in", Roles.RESIDENT);
        navigate("login", HomeView.class);
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);
    }

    @Test
    void anUnknownAddressShowsAFriendlyNotFoundPage() {
        navigate("no/such/page", NotFoundView.class);
        assertThat($(H1.class).single().getText()).isEqualTo(UI.getCurrent().getTranslation("error.not-found.title"));
    }

    @Test
    void theChosenLanguageIsRememberedOnTheAccount() {
        ParticipeUser user = signIn("polyglot", Roles.RESIDENT);
        assertThat(localePreference.forCurrentUser()).contains(SupportedLocales.FRENCH);
        localePreference.rememberForCurrentUser(Locale.UK);
        assertThat(jdbc.queryForObject("select locale from account where id = ?", String.class, user.accountId())).isEqualTo("en");
        assertThat(localePreference.forCurrentUser()).contains(SupportedLocales.ENGLISH);
    }

    @Test
    void thePrivacyPageStatesTheRetentionInForceAndTheOnlyCookiesSet() {
        PrivacyView view = navigate(PrivacyView.class);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("30 jours").contains("12 mois").contains("JSESSIONID").contains("participe-lang")
                .contains("Aucun cookie de mesure d’audience");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref)
                .contains("privacy", "terms");
    }
}
