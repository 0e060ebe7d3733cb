package org.participe.reporting;

/** CSV cells as French spreadsheets read them, with formulas neutralised (a cell starting with = + - @ is not run). */
final class Csv {

    private Csv() {
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
