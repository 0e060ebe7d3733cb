package org.participe.ideas;

/**
 * What the current person may do on one idea, decided by {@link IdeaService}: views show and hide
 * by it and never decide; the service checks each action again.
 *
 * @param support  supporting or withdrawing one's support (with {@link IdeaDetail#supportedByMe()})
 * @param comment  writing in the discussion
 * @param edit     correcting the idea (its author, within the edit window)
 * @param withdraw withdrawing the idea (its author)
 * @param follow   following the idea
 * @param flag     flagging the idea to the officials
 * @param moderate hiding or restoring it (officials)
 * @param approve  publishing it after pre-moderation (officials)
 * @param answer   answering it publicly with a new status (officials)
 */
public record IdeaCapabilities(Participation support, Participation comment, boolean edit, boolean withdraw, boolean follow,
                               boolean flag, boolean moderate, boolean approve, boolean answer) {
}
