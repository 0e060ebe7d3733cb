package org.participe.base.validation;

/** A rate limit refused the action; the message key says which, in the user's language. */
public class TooManyRequestsException extends RuntimeException {

    private final String messageKey;

    public TooManyRequestsException(String messageKey) {
        super("Rate limited: " + messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
