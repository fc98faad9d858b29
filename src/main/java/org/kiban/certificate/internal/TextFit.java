package org.kiban.certificate.internal;

import java.util.List;

import org.kiban.certificate.internal.pdf.PdfFonts;

/**
 * Text that shrinks to fit its cell (標準仕様書 5.8 文字溢れ): the template's size class at which a text fits, measured
 * with the glyph widths of the font that prints it, or an overflow to report to the clerk.
 */
final class TextFit {

    /** The template's size classes: the cell's own size, then s1, s2, s3 (pt). */
    private static final double[] SIZES = {0, 8.0, 6.8, 5.8};
    private static final String[] CLASSES = {"", "s1", "s2", "s3"};

    private TextFit() {
    }

    record Fit(String cssClass, boolean overflow) {
    }

    /** Fit within {@code lines} lines of {@code widthMm}, starting from the cell's size {@code basePt}. */
    static Fit fit(PdfFonts fonts, String text, double widthMm, int lines, double basePt) {
        if (text == null || text.isEmpty()) {
            return new Fit("", false);
        }
        var fit = fonts.fit(text, widthMm * lines, basePt, SIZES[SIZES.length - 1], PdfFonts.SERIF, 400);
        if (fit.overflow()) {
            return new Fit(CLASSES[CLASSES.length - 1], true);
        }
        for (int i = 1; i < SIZES.length; i++) {
            if (fit.fontSizePt() >= basePt) {
                return new Fit("", false);
            }
            if (fit.fontSizePt() >= SIZES[i]) {
                return new Fit(CLASSES[i], false);
            }
        }
        return new Fit(CLASSES[CLASSES.length - 1], false);
    }

    static void warnIfOverflow(Fit fit, String what, List<String> warnings) {
        if (fit.overflow()) {
            warnings.add(what + "が欄に収まりません（文字溢れ）。印字結果を確認してください。");
        }
    }
}
