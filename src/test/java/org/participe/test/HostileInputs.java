package org.participe.test;

import java.util.ArrayList;
import java.util.List;

/**
 * One corpus of hostile text for every form: markup that would run if a page interpreted it, SQL
 * metacharacters, Unicode that is easy to get wrong, control characters and sizes no form expects.
 * Each entry is pushed as typed ({@link #raw()}) and, so that fields with a minimum length store it
 * too, wrapped in ordinary words ({@link #wrapped()}).
 */
public final class HostileInputs {

    public record Input(String label, String value) {
        @Override
        public String toString() {
            return label;
        }
    }

    public static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    private HostileInputs() {
    }

    /** Every entry, as typed. */
    public static List<Input> raw() {
        List<Input> inputs = new ArrayList<>();
        // markup and script
        inputs.add(new Input("script tag", "<script>alert(1)</script>"));
        inputs.add(new Input("img onerror", "\"><img src=x onerror=alert(1)>"));
        inputs.add(new Input("javascript url", "javascript:alert(1)"));
        inputs.add(new Input("svg onload", "<svg/onload=alert(1)>"));
        inputs.add(new Input("attribute breaker", "' onmouseover='alert(1)' x='"));
        inputs.add(new Input("double-quote attribute breaker", "\" autofocus onfocus=\"alert(1)"));
        inputs.add(new Input("closing textarea", "</textarea><script>alert(1)</script>"));
        inputs.add(new Input("entity-encoded script", "&lt;script&gt;alert(1)&lt;/script&gt;"));
        inputs.add(new Input("iframe srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"));
        inputs.add(new Input("template injection", "{{constructor.constructor('alert(1)')()}} ${7*7} #{7*7}"));
        inputs.add(new Input("link with data url", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">clic</a>"));
        // SQL metacharacters
        inputs.add(new Input("sql drop", "'; drop table account; --"));
        inputs.add(new Input("sql tautology", "' or '1'='1"));
        inputs.add(new Input("sql comment", "admin'/*"));
        inputs.add(new Input("like wildcards", "100% _sûr_"));
        inputs.add(new Input("percent", "%"));
        inputs.add(new Input("underscore", "_"));
        inputs.add(new Input("backslash", "\\"));
        inputs.add(new Input("backslashes and quotes", "C:\\temp\\'\"\\x00"));
        inputs.add(new Input("tsquery operators", "!(a & b) | c <-> d:*"));
        inputs.add(new Input("postgres dollar quote", "$$; select pg_sleep(10); $$"));
        // Unicode
        inputs.add(new Input("RTL override", "\u202Etxt.exe\u202C nom inversé"));
        inputs.add(new Input("RTL override alone", "\u202E"));
        inputs.add(new Input("zero-width space inside", "Zéro\u200Blargeur\u200Dici"));
        inputs.add(new Input("zero-width only", "\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B"));
        inputs.add(new Input("zero-width joiners only", "\u200D\u200C\u2060\u200D\u200C\u2060\u200D\u200C\u2060\u200D\u200C\u2060\u200D\u200C\u2060\u200D\u200C\u2060\u200D\u200C"));
        inputs.add(new Input("byte order mark", "\uFEFFDébut avec BOM"));
        inputs.add(new Input("byte order marks only", "\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF\uFEFF"));
        inputs.add(new Input("combining marks", "Z\u0351\u0352\u0353a\u0354\u0355\u0356l\u0357\u0358\u0359g\u035A\u035B\u035Co e\u0301te\u0301"));
        inputs.add(new Input("emoji", "Vélo 🚲 et arbres 🌳"));
        inputs.add(new Input("emoji ZWJ family and flag", "👩‍👩‍👧‍👦 🏳️‍🌈 🇫🇷"));
        inputs.add(new Input("astral letters", "𝕻𝖆𝖗𝖙𝖎𝖈𝖎𝖕𝖊 𐍈"));
        inputs.add(new Input("lone high surrogate", "avant \uD83D après"));
        inputs.add(new Input("lone low surrogate", "avant \uDE00 après"));
        inputs.add(new Input("non-breaking and ideographic spaces", "\u00A0\u3000texte\u00A0\u202F"));
        inputs.add(new Input("hangul fillers only", "\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164\u3164"));
        inputs.add(new Input("mixed scripts", "Ville ﻣﺪﻳﻨﺔ 城市 Город"));
        // control characters
        inputs.add(new Input("NUL byte", "avant\u0000après"));
        inputs.add(new Input("NUL only", "\u0000"));
        inputs.add(new Input("bell and escape", "texte\u0007\u001B[31mrouge"));
        inputs.add(new Input("DEL and C1", "texte\u007F\u0085\u009B"));
        inputs.add(new Input("vertical tab and form feed", "ligne\u000Bsuite\u000Cfin"));
        inputs.add(new Input("CRLF header injection", "nom\r\nBcc: victime@example.org"));
        inputs.add(new Input("tabs and newlines", "\tpremière ligne\n\nseconde ligne\t"));
        inputs.add(new Input("line and paragraph separators", "un\u2028deux\u2029trois"));
        // emptiness
        inputs.add(new Input("empty", ""));
        inputs.add(new Input("whitespace only", "   \t\n  \r\n "));
        // size
        inputs.add(new Input("10 MB", "a".repeat(TEN_MEGABYTES)));
        inputs.add(new Input("10 MB of markup", "<b>".repeat(TEN_MEGABYTES / 3)));
        return inputs;
    }

    /** The entries wrapped in ordinary words, long enough for every field's minimum (the 10 MB ones are left out). */
    public static List<Input> wrapped() {
        return raw().stream().filter(input -> input.value().length() < 1000)
                .map(input -> new Input(input.label() + " (in a sentence)", "Une proposition " + input.value() + " pour la ville"))
                .toList();
    }

    /**
     * Strings at a field's limits and just past them, in characters as people and PostgreSQL count
     * them: plain ones, and ones outside the BMP, where Java's {@code length()} counts two per character.
     */
    public static List<Input> around(int min, int max) {
        List<Input> inputs = new ArrayList<>(List.of(new Input("exactly " + max + " characters", "é".repeat(max)),
                new Input(max + 1 + " characters", "é".repeat(max + 1)),
                new Input("exactly " + max + " emoji", "😀".repeat(max)),
                new Input(max + 1 + " emoji", "😀".repeat(max + 1))));
        if (min > 1) {
            inputs.add(new Input("exactly " + min + " letters outside the BMP", "𝕻".repeat(min)));
            inputs.add(new Input(min - 1 + " letters outside the BMP", "𝕻".repeat(min - 1)));
        }
        return inputs;
    }
}
