package org.participe.base.validation;

import java.util.Optional;

/**
 * The one rule for plain text a person types into a form. Such text is stored and shown as text,
 * so markup, quotes and SQL metacharacters are harmless and kept as typed; what is refused, with
 * a message, is what is not text at all: control characters other than tab and line breaks (a NUL
 * byte would otherwise reach PostgreSQL, which refuses it with an error page), halves of surrogate
 * pairs (the driver would silently store a "?"), and text made only of invisible characters (zero
 * width spaces and joiners, direction marks, byte order marks), which passes a "not blank" test
 * yet shows nothing. Callers check the length first, so that a 10 MB body is refused before being
 * read again.
 */
public final class TypedText {

    public static final String CHARACTERS = "validation.characters";
    public static final String INVISIBLE = "validation.invisible";
    /** Longer search words than this find nothing anyway; the rest is dropped rather than sent to the database. */
    public static final int SEARCH_MAX = 200;

    private TypedText() {
    }

    /** Why this text cannot be kept, as a translation key; empty when it can (the empty text included). */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = text.codePointAt(i);
                i++;
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return Optional.of(CHARACTERS);
            }
            visible |= !isInvisible(codePoint);
        }
        return visible ? Optional.empty() : Optional.of(INVISIBLE);
    }

    /**
     * The length people and PostgreSQL count: characters, a character outside the BMP (an emoji, a
     * mathematical letter) being one, where {@code String.length()} counts two. Limits that the
     * database checks too must be counted this way, or text passing in Java fails its constraint.
     */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Records this field's problem, if any, with the other errors of the form. */
    public static void check(String field, String text, InvalidInputException.Collector errors) {
        problem(text).ifPresent(key -> errors.reject(field, key));
    }

    /** Returns the text, or refuses it for this field. */
    public static String require(String field, String text) {
        problem(text).ifPresent(key -> {
            throw InvalidInputException.of(field, key);
        });
        return text;
    }

    /**
     * Search words as the database may receive them: without the characters {@link #problem}
     * refuses, stripped, at most {@link #SEARCH_MAX} characters. A search is never refused: a
     * strange one simply finds nothing.
     */
    public static String forSearch(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), SEARCH_MAX));
        for (int i = 0; i < text.length() && kept.length() < SEARCH_MAX; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (kept.length() + 2 > SEARCH_MAX) {
                    break;
                }
                kept.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c) && !Character.isISOControl(c)) {
                kept.append(c);
            } else {
                kept.append(' ');
            }
        }
        return kept.toString().strip();
    }

    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT
                || codePoint == 0x034F // combining grapheme joiner
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0 // Hangul fillers
                || codePoint == 0x2800; // braille blank
    }
}
