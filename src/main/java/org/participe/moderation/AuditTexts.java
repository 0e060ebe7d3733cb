package org.participe.moderation;

import org.participe.base.content.ContentKey;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit's codes in people's words. The audit is append-only and keeps the states as it wrote
 * them ("hidden: OFF_TOPIC", "PUBLISHED", "open flags: 2"…), which are not for people to read:
 * the audit page and its CSV translate them here, in the reader's language, and show what they
 * do not recognise as it is rather than lose it.
 */
public final class AuditTexts {

    /** Reads a translation: a key and its arguments, in the reader's language. */
    @FunctionalInterface
    public interface Translator {
        String get(String key, Object... arguments);
    }

    private static final Pattern HIDDEN = Pattern.compile("hidden: ([A-Z_]+)(?: \\((\\d+) flags\\))?");
    private static final Pattern OPEN_FLAGS = Pattern.compile("open flags: (\\d+)");
    private static final Pattern BLOCKED_HIDDEN = Pattern.compile("blocked; content hidden: (\\d+)");
    private static final Pattern ACTIVE_RESTORED = Pattern.compile("active; content restored: (\\d+)");
    private static final Pattern ASSIGNED = Pattern.compile("(.*)/(.*) due (.*)");

    private AuditTexts() {
    }

    /** An action such as {@code HIDE}. */
    public static String action(String code, Translator t) {
        return known(t.get("audit.action." + code), code);
    }

    /** A reason: a moderation reason, or the status an answer gave. */
    public static String reason(String code, Translator t) {
        if (code == null) {
            return null;
        }
        boolean isReason = Arrays.stream(ModerationReason.values()).anyMatch(reason -> reason.name().equals(code));
        return known(t.get(isReason ? "moderation.reason." + code : "idea.status." + code), code);
    }

    /** A state before or after an action; null stays null. */
    public static String state(String raw, Translator t) {
        if (raw == null) {
            return null;
        }
        switch (raw) {
            case "visible", "pending", "published", "active", "blocked" -> {
                return t.get("audit.state." + raw);
            }
            default -> { }
        }
        Matcher m = HIDDEN.matcher(raw);
        if (m.matches()) {
            String reason = reason(m.group(1), t);
            return m.group(2) == null ? t.get("audit.state.hidden", reason) : t.get("audit.state.hidden-flags", reason, Integer.parseInt(m.group(2)));
        }
        if ((m = OPEN_FLAGS.matcher(raw)).matches()) {
            return t.get("audit.state.open-flags", Integer.parseInt(m.group(1)));
        }
        if ((m = BLOCKED_HIDDEN.matcher(raw)).matches()) {
            return t.get("audit.state.blocked-hidden", Integer.parseInt(m.group(1)));
        }
        if ((m = ACTIVE_RESTORED.matcher(raw)).matches()) {
            return t.get("audit.state.active-restored", Integer.parseInt(m.group(1)));
        }
        if ((m = ASSIGNED.matcher(raw)).matches()) {
            String who = String.join(" / ", Arrays.stream(new String[]{m.group(1), m.group(2)}).filter(s -> !s.isBlank()).toList());
            String due = m.group(3).equals("-") || m.group(3).equals("null") ? t.get("audit.state.no-due-date") : m.group(3);
            return t.get("audit.state.assigned", who.isEmpty() ? t.get("audit.state.nobody") : who, due);
        }
        if (Arrays.stream(new String[]{"PENDING", "PUBLISHED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "IN_PROGRESS", "DONE", "WITHDRAWN"})
                .anyMatch(raw::equals)) {
            return t.get("idea.status." + raw);
        }
        return raw;
    }

    /** The kind of content and its number, e.g. "Commentaire n° 80". */
    public static String content(ContentKey ref, Translator t) {
        return ref == null ? null : t.get("audit.content", t.get("moderation.kind." + ref.kind()), ref.id());
    }

    private static String known(String text, String code) {
        return text == null || text.startsWith("!") ? code : text;
    }
}
