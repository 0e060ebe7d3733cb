package org.participe.town;

/**
 * WCAG 2.1 contrast between a colour and white: the main colour carries white text on buttons and
 * the header, so it must reach 4.5:1 (success criterion 1.4.3).
 */
public final class ColourContrast {

    public static final double MINIMUM_WITH_WHITE = 4.5;

    private ColourContrast() {
    }

    public static boolean isHexColour(String value) {
        return value != null && value.matches("#[0-9a-fA-F]{6}");
    }

    public static double withWhite(String hexColour) {
        return (1.05) / (relativeLuminance(hexColour) + 0.05);
    }

    static double relativeLuminance(String hexColour) {
        int rgb = Integer.parseInt(hexColour.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
