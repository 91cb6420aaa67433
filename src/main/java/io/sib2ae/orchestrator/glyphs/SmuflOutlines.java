package io.sib2ae.orchestrator.glyphs;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Glyph outlines of the vendored SMuFL fonts, read with Java2D from the .otf files and written
 * as SVG path data. Outlines are taken once per glyph at the fonts' design size (1000 units to
 * the em, where hinting has no effect) and scaled from there.
 */
public final class SmuflOutlines {

    /** Bravura and Leland are both designed on 1000 units to the em. */
    private static final float DESIGN_SIZE = 1000f;
    /** Fractional metrics and no hinting: the outline as designed, not fitted to a pixel grid. */
    private static final FontRenderContext DESIGN = new FontRenderContext(null, true, true);

    private static volatile SmuflOutlines shared;

    private final Map<SmuflFont, Font> fonts = new EnumMap<>(SmuflFont.class);
    private final Map<Long, Outline> cache = new ConcurrentHashMap<>();

    /** A glyph at the design size: its outline and how far it advances the pen. */
    private record Outline(Shape shape, double advance) {
    }

    private SmuflOutlines() {
        for (SmuflFont font : SmuflFont.values()) {
            fonts.put(font, load(font));
        }
    }

    /** The fonts are read once per process; they are about 600 kB together. */
    public static SmuflOutlines shared() {
        SmuflOutlines result = shared;
        if (result == null) {
            synchronized (SmuflOutlines.class) {
                result = shared;
                if (result == null) {
                    result = new SmuflOutlines();
                    shared = result;
                }
            }
        }
        return result;
    }

    private static Font load(SmuflFont font) {
        try (InputStream in = SmuflOutlines.class.getClassLoader().getResourceAsStream(font.resource())) {
            if (in == null) {
                throw new IllegalStateException("the font " + font.resource() + " is missing from the classpath");
            }
            // TRUETYPE_FONT covers OpenType with CFF outlines too, which is what both .otf files hold.
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(DESIGN_SIZE);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the font " + font.resource() + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + font.resource() + " cannot be read", e);
        }
    }

    /** True when the font has a glyph (not its .notdef) for the code point. */
    public boolean has(SmuflFont font, int codePoint) {
        return fonts.get(font).canDisplay(codePoint);
    }

    /** How far the glyph advances the pen at the given font size. */
    public double advance(SmuflFont font, int codePoint, double fontSize) {
        return outline(font, codePoint).advance() * fontSize / DESIGN_SIZE;
    }

    /**
     * The glyph's outline as SVG path data: drawn at {@code fontSize} with its origin (left end
     * of the baseline) at (x, y) in the text's coordinates, then taken to the page by {@code toPage}.
     */
    public String pathData(SmuflFont font, int codePoint, double fontSize, double x, double y, AffineTransform toPage) {
        AffineTransform t = new AffineTransform(toPage);
        t.translate(x, y);
        t.scale(fontSize / DESIGN_SIZE, fontSize / DESIGN_SIZE);
        return pathData(outline(font, codePoint).shape(), t);
    }

    private Outline outline(SmuflFont font, int codePoint) {
        long key = ((long) font.ordinal() << 32) | codePoint;
        return cache.computeIfAbsent(key, k -> {
            Font f = fonts.get(font);
            if (!f.canDisplay(codePoint)) {
                throw new IllegalArgumentException(font.displayName() + " has no glyph " + DrawnGlyph.label(codePoint));
            }
            GlyphVector vector = f.createGlyphVector(DESIGN, new String(Character.toChars(codePoint)));
            return new Outline(vector.getOutline(), vector.getGlyphMetrics(0).getAdvance());
        });
    }

    /** Path data of a shape after a transform: the iterator gives absolute segments only. */
    public static String pathData(Shape shape, AffineTransform t) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(t); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (!d.isEmpty()) {
                d.append(' ');
            }
            switch (type) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(pair(c, 0));
                case PathIterator.SEG_LINETO -> d.append('L').append(pair(c, 0));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(pair(c, 0)).append(' ').append(pair(c, 2));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(pair(c, 0)).append(' ').append(pair(c, 2))
                        .append(' ').append(pair(c, 4));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> throw new IllegalStateException("unknown path segment " + type);
            }
        }
        return d.toString();
    }

    private static String pair(double[] c, int i) {
        return num(c[i]) + "," + num(c[i + 1]);
    }

    /** Three decimals: a thousandth of a viewBox unit is far below a pixel of a 4K frame. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return "-0".equals(s) ? "0" : s;
    }
}
