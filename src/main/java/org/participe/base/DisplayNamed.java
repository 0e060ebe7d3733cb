package org.participe.base;

/** A signed-in principal that has a public display name (shown in the layout's user menu). */
public interface DisplayNamed {

    String displayName();
}
