package org.participe.town;

import java.util.List;

/**
 * WCAG 2.1 contrast for the town's main colour, chosen by administrators. The colour carries white
 * text (header, buttons) and is used as text on the page's white and light grey surfaces, so it
 * must reach 4.5:1 against each of them (success criterion 1.4.3). Focus indicators never take the
 * town colour: they are {@link #FOCUS_ON_LIGHT} on light surfaces and {@link #FOCUS_ON_TOWN_COLOUR}
 * on the town colour, so that any accepted colour keeps them at 3:1 or more (1.4.11, 2.4.7).
 * The colours here are the ones {@code frontend/styles/app.css} uses.
 */
public final class ColourContrast {

    public static final double MINIMUM_WITH_WHITE = 4.5;
    public static final double MINIMUM_FOR_FOCUS = 3.0;
    public static final String WHITE = "#ffffff";
    /** {@code --participe-surface}: the light grey behind figures, photos and cards' tags. */
    public static final String LIGHT_SURFACE = "#f5f7fa";
    /** {@code --participe-focus}: the focus ring on white and light surfaces. */
    public static final String FOCUS_ON_LIGHT = "#1f2933";
    /** {@code --participe-focus-on-primary}: the focus ring on the town colour (header, hero). */
    public static final String FOCUS_ON_TOWN_COLOUR = WHITE;
    private static final List<String> LIGHT_BACKGROUNDS = List.of(WHITE, LIGHT_SURFACE);

    private ColourContrast() {
    }

    public static boolean isHexColour(String value) {
        return value != null && value.matches("#[0-9a-fA-F]{6}");
    }

    public static double withWhite(String hexColour) {
        return between(hexColour, WHITE);
    }

    /** The lowest contrast of the colour with the light backgrounds it meets: what the admin check enforces. */
    public static double weakest(String hexColour) {
        return LIGHT_BACKGROUNDS.stream().mapToDouble(background -> between(hexColour, background)).min().orElseThrow();
    }

    public static boolean isAccepted(String hexColour) {
        return isHexColour(hexColour) && weakest(hexColour) >= MINIMUM_WITH_WHITE;
    }

    /** The WCAG contrast ratio of two colours, from 1 to 21, in either order. */
    public static double between(String first, String second) {
        double a = relativeLuminance(first);
        double b = relativeLuminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
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
