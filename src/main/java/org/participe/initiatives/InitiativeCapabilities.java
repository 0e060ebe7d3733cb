package org.participe.initiatives;

/**
 * What the current person may do on one initiative, decided by {@link InitiativeService}: views
 * show and hide by it and never decide; the service checks each action again.
 *
 * @param follow         following the initiative
 * @param signInToFollow being offered to sign in to follow it (visitors)
 * @param edit           rewriting the initiative and its phases (staff)
 * @param publish        publishing it, while it is a draft (staff)
 * @param archive        archiving it or bringing it back (staff)
 * @param postUpdate     posting a dated update (staff)
 * @param changeCover    setting or describing its cover image (staff)
 * @param linkIdeas      linking residents' ideas that fed into it (staff)
 */
public record InitiativeCapabilities(boolean follow, boolean signInToFollow, boolean edit, boolean publish, boolean archive,
                                     boolean postUpdate, boolean changeCover, boolean linkIdeas) {

    /** Whether any of the staff's tools is open: the page then shows their section, with who changed the initiative last. */
    public boolean manage() {
        return edit || publish || archive || postUpdate || changeCover || linkIdeas;
    }
}
