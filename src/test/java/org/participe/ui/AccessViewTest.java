package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.participe.accounts.PersonRow;
import org.participe.accounts.ui.PeopleView;
import org.participe.accounts.ui.ProfileView;
import org.participe.base.ui.AccessDeniedView;
import org.participe.home.ui.HomeView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.ui.LoginView;
import org.participe.town.ui.TownSettingsView;

/** Who may open which view, and what the navigation offers them. */
class AccessViewTest extends ViewTest {

    @Test
    void aVisitorIsSentToTheLoginPageFromPrivatePages() {
        navigate(HomeView.class);
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);
        navigate("profile", LoginView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void aResidentCannotOpenTheAdministrationNorSeeItInTheNavigation() {
        signIn("resident-ui", Roles.RESIDENT);
        navigate(HomeView.class);
        assertThat(menuLabels()).doesNotContain("Personnes et rôles", "People and roles");

        navigate("admin/people", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        navigate("admin/town", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    void anAdministratorFindsPeopleAndSeesTheAdministrationInTheNavigation() {
        ParticipeUser admin = signIn("admin-ui", Roles.ADMIN);
        navigate(HomeView.class);
        assertThat(menuLabels()).contains(UI.getCurrent().getTranslation("menu.admin.people"));

        PeopleView view = navigate(PeopleView.class);
        assertThat(view).isNotNull();
        test($(TextField.class).single()).setValue(admin.email());
        @SuppressWarnings("unchecked")
        Grid<PersonRow> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).email()).isEqualTo(admin.email());

        navigate(TownSettingsView.class);
        assertThat(getCurrentView()).isInstanceOf(TownSettingsView.class);
    }

    @Test
    void aSignedInResidentOpensTheirProfile() {
        signIn("profile-ui", Roles.RESIDENT);
        navigate(ProfileView.class);
        assertThat(getCurrentView()).isInstanceOf(ProfileView.class);
    }

    @Test
    void theMenuIsDrawnAgainOnlyWhenItsEntriesChange() {
        navigate(HomeView.class);
        List<SideNavItem> asVisitor = $(SideNav.class).single().getItems();
        navigate("profile", LoginView.class);
        navigate(HomeView.class);
        assertThat($(SideNav.class).single().getItems()).as("the same entries, not drawn again").containsExactlyElementsOf(asVisitor);

        signIn("menu-ui", Roles.ADMIN);
        navigate(HomeView.class);
        assertThat(menuLabels()).as("signed in: the menu follows the new rights")
                .contains(UI.getCurrent().getTranslation("menu.admin.people"));
        assertThat($(SideNav.class).single().getItems()).doesNotContainAnyElementsOf(asVisitor);
    }

    private List<String> menuLabels() {
        return $(SideNav.class).single().getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
