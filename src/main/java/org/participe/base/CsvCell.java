package org.participe.base;

/**
 * A CSV cell as French spreadsheets read it (quoted, quotes doubled), with formulas neutralised:
 * a cell starting with = + - @ or a control character gets a leading apostrophe, so it is not run.
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
