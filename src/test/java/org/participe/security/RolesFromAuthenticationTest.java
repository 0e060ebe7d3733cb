package org.participe.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class RolesFromAuthenticationTest {

    @Test
    void aSignedInPersonHasExactlyTheRolesOfTheirAccount() {
        ParticipeUser official = new ParticipeUser(7, "elu@example.test", "Élu", "", true, false, Set.of(Roles.OFFICIAL, Roles.RESIDENT));
        var roles = RolesFromAuthentication.rolesOf(UsernamePasswordAuthenticationToken.authenticated(official, null, official.getAuthorities()));
        assertThat(List.of(Roles.OFFICIAL, Roles.RESIDENT)).allMatch(roles);
        assertThat(List.of(Roles.STAFF, Roles.ADMIN, "ROLE_" + Roles.OFFICIAL, "")).noneMatch(roles);
        assertThat(roles.test(null)).isFalse();
    }

    @Test
    void anUnconfirmedAccountHoldsNoParticipantRole() {
        ParticipeUser unconfirmed = new ParticipeUser(8, "new@example.test", "Nouveau", "", false, false, Set.of(Roles.RESIDENT));
        var roles = RolesFromAuthentication.rolesOf(UsernamePasswordAuthenticationToken.authenticated(unconfirmed, null, unconfirmed.getAuthorities()));
        assertThat(roles.test(Roles.UNCONFIRMED)).isTrue();
        assertThat(roles.test(Roles.RESIDENT)).isFalse();
    }

    @Test
    void visitorsAndUnfinishedSignInsHaveNoRole() {
        assertThat(RolesFromAuthentication.rolesOf(null).test(Roles.RESIDENT)).isFalse();
        assertThat(RolesFromAuthentication.rolesOf(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))).test("ANONYMOUS")).isTrue();
        assertThat(RolesFromAuthentication.rolesOf(UsernamePasswordAuthenticationToken.unauthenticated("someone", "secret"))
                .test(Roles.RESIDENT)).isFalse();
    }
}
