package io.jgrad.viz;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/**
 * Matplotlib's colour specifications: the one-letter colours ({@code 'r'}, {@code 'b'}, ...), the
 * default property cycle {@code 'C0'}..{@code 'C9'} (Tableau's ten, also named {@code 'tab:blue'}, ...),
 * a few CSS names and {@code '#rrggbb'}.
 */
final class Colors {
    private Colors() {}

    /** Matplotlib's default colour cycle ({@code axes.prop_cycle}): tab:blue, tab:orange, ... */
    static final Color[] CYCLE = {
        rgb(0x1f77b4), rgb(0xff7f0e), rgb(0x2ca02c), rgb(0xd62728), rgb(0x9467bd),
        rgb(0x8c564b), rgb(0xe377c2), rgb(0x7f7f7f), rgb(0xbcbd22), rgb(0x17becf),
    };

    private static final String[] TAB_NAMES = {
        "blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan",
    };

    /** matplotlib.colors.BASE_COLORS and the CSS names the tutorials use. */
    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("b", rgb(0x0000ff)), Map.entry("g", rgb(0x008000)), Map.entry("r", rgb(0xff0000)),
            Map.entry("c", rgb(0x00bfbf)), Map.entry("m", rgb(0xbf00bf)), Map.entry("y", rgb(0xbfbf00)),
            Map.entry("k", rgb(0x000000)), Map.entry("w", rgb(0xffffff)),
            Map.entry("blue", rgb(0x0000ff)), Map.entry("green", rgb(0x008000)), Map.entry("red", rgb(0xff0000)),
            Map.entry("cyan", rgb(0x00ffff)), Map.entry("magenta", rgb(0xff00ff)), Map.entry("yellow", rgb(0xffff00)),
            Map.entry("black", rgb(0x000000)), Map.entry("white", rgb(0xffffff)), Map.entry("orange", rgb(0xffa500)),
            Map.entry("purple", rgb(0x800080)), Map.entry("gray", rgb(0x808080)), Map.entry("grey", rgb(0x808080)));

    /** True if {@code c} is a one-letter colour of a format string ({@code "r-"}). */
    static boolean isLetter(char c) {
        return "bgrcmykw".indexOf(c) >= 0;
    }

    /**
     * The colour {@code spec} names.
     *
     * @throws IllegalArgumentException with matplotlib's message if it names none
     */
    static Color parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        Color named = NAMED.get(s);
        if (named != null) {
            return named;
        }
        if (s.matches("c[0-9]")) {
            return CYCLE[s.charAt(1) - '0'];
        }
        if (s.startsWith("tab:")) {
            for (int i = 0; i < TAB_NAMES.length; i++) {
                if (TAB_NAMES[i].equals(s.substring(4))) {
                    return CYCLE[i];
                }
            }
        }
        if (s.matches("#[0-9a-f]{6}")) {
            return rgb(Integer.parseInt(s.substring(1), 16));
        }
        throw new IllegalArgumentException("'" + spec + "' is not a valid color value.");
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }
}
