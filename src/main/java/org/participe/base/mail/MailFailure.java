package org.participe.base.mail;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Why a delivery failed, and whether trying again may help. Permanent: an address that cannot be
 * parsed, a mail that cannot be built, or an SMTP reply in the 5xx range (unknown mailbox, refused
 * content). Temporary for this mail: a 4xx reply (full mailbox, greylisting). Server unavailable:
 * no reply at all (server down or unreachable, timeout, authentication refused), which would fail
 * every other mail too. The sender retries the temporary ones with back-off.
 *
 * @param reason a short text for the outbox row and the log: the exception's class and message,
 *               never the mail's body (which may hold a password-reset link)
 */
record MailFailure(Kind kind, String reason) {

    enum Kind {
        PERMANENT, TEMPORARY, SERVER_UNAVAILABLE
    }

    boolean permanent() {
        return kind == Kind.PERMANENT;
    }

    private static final int MAX_REASON = 500;

    static MailFailure of(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof AddressException || cause instanceof MailParseException || cause instanceof MailPreparationException) {
                return new MailFailure(Kind.PERMANENT, describe(cause));
            }
            int code = replyCode(cause);
            if (code >= 500 && code < 600) {
                return new MailFailure(Kind.PERMANENT, describe(cause));
            }
            if (code >= 400 && code < 500) {
                return new MailFailure(Kind.TEMPORARY, describe(cause));
            }
        }
        return new MailFailure(Kind.SERVER_UNAVAILABLE, describe(failure));
    }

    /**
     * The SMTP server's reply code carried by Angus Mail's exceptions ({@code SMTPAddressFailedException},
     * {@code SMTPSendFailedException}: a runtime dependency, hence read by name), or -1.
     */
    private static int replyCode(Throwable failure) {
        if (!(failure instanceof MessagingException)) {
            return -1;
        }
        try {
            Method code = failure.getClass().getMethod("getReturnCode");
            return code.getReturnType() == int.class ? (int) code.invoke(failure) : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** The failure and what it wraps, including the per-message exceptions Spring keeps beside the cause. */
    private static Set<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable next = todo.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next.getCause() != null) {
                todo.add(next.getCause());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                todo.add(messaging.getNextException());
            }
            if (next instanceof MailSendException send) {
                todo.addAll(List.of(send.getMessageExceptions()));
            }
        }
        return seen;
    }

    private static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        text = text.replaceAll("[\\r\\n]+", " ").strip();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
