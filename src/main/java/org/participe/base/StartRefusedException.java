package org.participe.base;

/**
 * The application refuses to start because of how it is configured: the log then shows the reason
 * and what to do (see {@link StartRefusedFailureAnalyzer}), not a stack trace.
 */
public class StartRefusedException extends RuntimeException {

    private final String action;

    public StartRefusedException(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
