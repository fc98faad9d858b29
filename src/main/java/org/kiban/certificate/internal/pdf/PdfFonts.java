package org.kiban.certificate.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts certificates are printed with, parsed once and shared by every document.
 *
 * <p>Parsing a Japanese TrueType font (5 to 8 MB, 17,000 glyphs) costs far more than laying out a one-page
 * certificate, so each font is parsed here once and every document embeds a subset of the same parsed
 * {@link TrueTypeFont}. FontBox 3 reads tables under its own locks (PDFBOX-5460) and hands every subsetter a
 * fresh stream over the font's bytes, so one parsed font serves concurrent renderings; all tables are read
 * eagerly here so that later use is read-only.
 *
 * <p>The default set ({@link #standard()}) is Noto Serif JP (the forms' text), Noto Sans JP (headings, if a
 * template asks for sans-serif), each 400 and 700, and Noto Serif (Latin) as the last fallback for the
 * Latin Extended letters of foreign residents' names that the Japanese fonts lack (ş, ğ, ł, ř, Š, Ž …).
 * See {@code src/main/resources/fonts/README.md} for sources and coverage.
 */
public final class PdfFonts {

    /** Family name of the forms' body font; templates use it, or the generic {@code serif}. */
    public static final String SERIF = "Noto Serif JP";
    /** Family name of the sans-serif font; templates use it, or the generic {@code sans-serif}. */
    public static final String SANS = "Noto Sans JP";
    /** Family name of the Latin fallback font (never needed in templates: it is always in the fallback). */
    public static final String LATIN = "Noto Serif";

    /**
     * One font file and where it stands.
     *
     * @param family   CSS family name it is registered under
     * @param weight   CSS weight (400 regular, 700 bold)
     * @param resource classpath resource of the TrueType file
     */
    public record FontFile(String family, int weight, String resource) {
        public FontFile {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** A parsed font with what measuring and coverage checks need. */
    record LoadedFont(FontFile file, TrueTypeFont ttf, CmapLookup cmap, int unitsPerEm) {

        boolean hasGlyph(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }

        /** Advance width of a code point in font units, or -1 if the font has no glyph for it. */
        int advance(int codePoint) {
            int gid = cmap.getGlyphId(codePoint);
            if (gid == 0) {
                return -1;
            }
            try {
                return ttf.getAdvanceWidth(gid);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String FONT_FOLDER = "/fonts/";

    /** The fonts in fallback order: the first that has a glyph draws it when the requested family has none. */
    private final List<LoadedFont> fonts;

    private PdfFonts(List<LoadedFont> fonts) {
        this.fonts = List.copyOf(fonts);
    }

    /** The bundled set: Noto Serif JP, Noto Sans JP and Noto Serif, regular and bold. */
    public static PdfFonts standard() {
        return load(List.of(
                new FontFile(SERIF, 400, FONT_FOLDER + "NotoSerifJP_400Regular.ttf"),
                new FontFile(SERIF, 700, FONT_FOLDER + "NotoSerifJP_700Bold.ttf"),
                new FontFile(SANS, 400, FONT_FOLDER + "NotoSansJP_400Regular.ttf"),
                new FontFile(SANS, 700, FONT_FOLDER + "NotoSansJP_700Bold.ttf"),
                new FontFile(LATIN, 400, FONT_FOLDER + "NotoSerif_400Regular.ttf"),
                new FontFile(LATIN, 700, FONT_FOLDER + "NotoSerif_700Bold.ttf")));
    }

    /**
     * Loads the given fonts, in fallback order. A font for an 外字 (a TrueType file with the municipality's
     * own glyphs) would be added here, after the standard ones.
     */
    public static PdfFonts load(List<FontFile> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one font is needed");
        }
        List<LoadedFont> loaded = new ArrayList<>(files.size());
        for (FontFile file : files) {
            loaded.add(parse(file));
        }
        return new PdfFonts(loaded);
    }

    private static LoadedFont parse(FontFile file) {
        byte[] bytes;
        try (InputStream in = PdfFonts.class.getResourceAsStream(file.resource())) {
            if (in == null) {
                throw new IllegalStateException("font not on the classpath: " + file.resource());
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + file.resource(), e);
        }
        try {
            // The parser keeps its own copy of the bytes; ours can go.
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            // No glyph substitution: openhtmltopdf lays text out with the cmap's glyphs and their advance
            // widths, so PDFBox substituting ligatures or alternates when drawing would draw other widths than
            // were measured (and than shrink to fit computed), and its GSUB pass compiles regular expressions
            // for every text run, a third of the time of a page. Japanese text needs no substitution.
            ttf.setEnableGsub(false);
            // Read every table a document needs now, once, so that concurrent documents only read.
            ttf.getHeader();
            ttf.getHorizontalHeader();
            ttf.getMaximumProfile();
            ttf.getHorizontalMetrics();
            ttf.getIndexToLocation();
            ttf.getGlyph();
            ttf.getOS2Windows();
            ttf.getPostScript();
            ttf.getNaming();
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            return new LoadedFont(file, ttf, cmap, ttf.getUnitsPerEm());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse font " + file.resource(), e);
        }
    }

    /** The fonts in fallback order. */
    List<LoadedFont> loaded() {
        return fonts;
    }

    /** The registered font files, in fallback order. */
    public List<FontFile> files() {
        return fonts.stream().map(LoadedFont::file).toList();
    }

    /** Whether some registered font has a glyph for the code point. */
    public boolean canDisplay(int codePoint) {
        for (LoadedFont font : fonts) {
            if (font.hasGlyph(codePoint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The code points of the text that no registered font can draw: an unregistered 外字, or a character
     * from a script the forms do not cover. openhtmltopdf would print such a character as {@code #}; callers
     * warn instead. White space, control and format characters (soft hyphen, zero-width joiner) are not
     * drawn and so never missing.
     *
     * @return the missing code points, ascending, each once
     */
    public SortedSet<Integer> missingCodePoints(CharSequence text) {
        SortedSet<Integer> missing = new TreeSet<>();
        text.codePoints().forEach(cp -> {
            if (isDrawn(cp) && !canDisplay(cp)) {
                missing.add(cp);
            }
        });
        return missing;
    }

    /** Whether a code point is drawn as a glyph at all (so that a font must have it). */
    static boolean isDrawn(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.SURROGATE;
    }

    /**
     * The width of a single line of text in points, measured with the glyphs openhtmltopdf will draw: each
     * character in the requested family at the nearest weight, else in the first other font that has it
     * (the fallback order). openhtmltopdf draws advance widths without kerning, so this is what it lays
     * out. A character no font has is measured as the width of {@code #}, the replacement openhtmltopdf
     * prints.
     *
     * @param family CSS family name ({@link #SERIF}, {@link #SANS}, or the generics serif and sans-serif)
     * @param weight CSS weight; 600 and above is bold
     */
    public double widthPt(String text, String family, int weight, double fontSizePt) {
        List<LoadedFont> order = fallbackOrder(family, weight);
        double units = 0; // in 1/1000 em
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!isDrawn(cp) && !Character.isSpaceChar(cp)) {
                continue;
            }
            units += advancePerMille(order, cp);
        }
        return units / 1000.0 * fontSizePt;
    }

    private static double advancePerMille(List<LoadedFont> order, int codePoint) {
        for (LoadedFont font : order) {
            int advance = font.advance(codePoint);
            if (advance >= 0) {
                return advance * 1000.0 / font.unitsPerEm();
            }
        }
        return codePoint == '#' ? 0 : advancePerMille(order, '#');
    }

    /**
     * The fonts in the order a glyph is looked for: the requested family at the nearest weight first, then
     * every font by nearness of weight, in registration order (openhtmltopdf's fallback order).
     */
    List<LoadedFont> fallbackOrder(String family, int weight) {
        String wanted = canonicalFamily(family);
        Comparator<LoadedFont> byFamily = Comparator.comparingInt(f -> f.file().family().equalsIgnoreCase(wanted) ? 0 : 1);
        Comparator<LoadedFont> byWeight = Comparator.comparingInt(f -> Math.abs(f.file().weight() - weight));
        List<LoadedFont> order = new ArrayList<>(fonts);
        // List.sort is stable: registration order decides among equals.
        order.sort(byFamily.thenComparing(byWeight));
        return order;
    }

    /** Maps CSS generic families to the registered fonts (what the renderer registers as aliases). */
    static String canonicalFamily(String family) {
        String f = family == null ? "" : family.trim().replace("\"", "").replace("'", "");
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "", "serif" -> SERIF;
            case "sans-serif", "sansserif" -> SANS;
            default -> f;
        };
    }

    /**
     * Shrink to fit: the largest font size, not above {@code fontSizePt}, at which the text fits on one line
     * of {@code boxWidthMm}, in steps of 0.1 pt. When even {@code minFontSizePt} does not fit, the answer is
     * the minimum size with {@code overflow} set: the caller warns (標準仕様書: no silent truncation) rather
     * than print text outside its box.
     */
    public Fit fit(String text, double boxWidthMm, double fontSizePt, double minFontSizePt, String family, int weight) {
        if (!(boxWidthMm > 0) || !(fontSizePt > 0) || !(minFontSizePt > 0) || minFontSizePt > fontSizePt) {
            throw new IllegalArgumentException("need boxWidthMm > 0 and 0 < minFontSizePt <= fontSizePt");
        }
        // A margin for openhtmltopdf's layout units (1/26.7 pt) and its rounding of each text run up.
        double box = Fit.mmToPt(boxWidthMm) * Fit.LAYOUT_MARGIN;
        double widthAtOnePt = widthPt(text, family, weight, 1.0);
        if (widthAtOnePt * fontSizePt <= box) {
            return new Fit(fontSizePt, false);
        }
        // The width grows linearly with the size; round down to 0.1 pt so that the rounded size still fits.
        double size = Math.floor(box / widthAtOnePt * 10) / 10;
        if (size < minFontSizePt) {
            return new Fit(minFontSizePt, true);
        }
        return new Fit(size, false);
    }

    /** {@link #fit(String, double, double, double, String, int)} in the body font, regular, 6 pt minimum. */
    public Fit fit(String text, double boxWidthMm, double fontSizePt) {
        return fit(text, boxWidthMm, fontSizePt, Fit.DEFAULT_MIN_FONT_SIZE_PT, SERIF, 400);
    }
}
