package org.participe.security;

import java.util.List;

/** Role names, in one place: views, services and the database use these and only these. */
public final class Roles {

    public static final String RESIDENT = "RESIDENT";
    public static final String OFFICIAL = "OFFICIAL";
    public static final String STAFF = "STAFF";
    public static final String ADMIN = "ADMIN";

    /** Held by a signed-in account whose e-mail is not confirmed yet: it may browse, not participate. */
    public static final String UNCONFIRMED = "UNCONFIRMED";

    /** Held instead of {@link #RESIDENT} by an account an official blocked: it may browse, not participate. */
    public static final String BLOCKED = "BLOCKED";

    public static final List<String> GRANTABLE = List.of(RESIDENT, OFFICIAL, STAFF, ADMIN);

    private Roles() {
    }
}
