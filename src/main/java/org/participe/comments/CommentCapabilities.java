package org.participe.comments;

/**
 * What the current person may do on one comment, decided by {@link CommentService}: the comments
 * section shows and hides by it and never decides; each service checks the action again.
 *
 * @param edit     correcting it (its author, within {@link CommentService#EDIT_WINDOW})
 * @param delete   deleting it (its author)
 * @param flag     flagging it to the officials (a resident, on someone else's visible comment)
 * @param moderate hiding or restoring it in place (officials)
 */
public record CommentCapabilities(boolean edit, boolean delete, boolean flag, boolean moderate) {
}
