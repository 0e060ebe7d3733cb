package org.participe.moderation;

/** What an official may do on an item of the inbox, in the order the inbox offers it. */
public enum InboxAction {
    /** Publish content that waited for pre-moderation. */
    APPROVE,
    /** The flags were unfounded: the item stays as it is. */
    DISMISS_FLAGS,
    /** Show hidden content again. */
    RESTORE,
    /** Hide content with a reason. */
    HIDE,
    /** Keep hidden, with an official's reason, what flags hid pending review. */
    CONFIRM_HIDE,
    /** Say who answers by when. */
    ASSIGN,
    /** Block the item's author. */
    BLOCK_AUTHOR
}
