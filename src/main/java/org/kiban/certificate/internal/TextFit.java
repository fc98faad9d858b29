package org.kiban.certificate.internal;

import java.util.List;

/**
 * Text that shrinks to fit its box (標準仕様書 5.8 文字溢れ): the CSS class of the size at which a text fits a cell,
 * or an overflow to report. Widths are estimated per character (full-width = 1 em, half-width ≈ 0.55 em), which
 * holds for the serif font used and errs on the safe side.
 */
final class TextFit {

    /** Font sizes in pt of the template's classes: none (the cell's own size), s1, s2, s3. */
    private static final double[] SIZES = {9.5, 8.0, 6.8, 5.8};
    private static final String[] CLASSES = {"", "s1", "s2", "s3"};
    private static final double PT_TO_MM = 0.3528;

    private TextFit() {
    }

    record Fit(String cssClass, boolean overflow) {
    }

    /** Fit within {@code lines} lines of {@code widthMm}, starting from the cell's size {@code basePt}. */
    static Fit fit(String text, double widthMm, int lines, double basePt) {
        if (text == null || text.isEmpty()) {
            return new Fit("", false);
        }
        double ems = ems(text);
        for (int i = 0; i < SIZES.length; i++) {
            double size = i == 0 ? basePt : SIZES[i];
            if (ems * size * PT_TO_MM <= widthMm * lines) {
                return new Fit(CLASSES[i], false);
            }
        }
        return new Fit(CLASSES[CLASSES.length - 1], true);
    }

    static double ems(String text) {
        double ems = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            ems += cp < 0x2000 || (cp >= 0xFF61 && cp <= 0xFF9F) ? 0.55 : 1.0;
            i += Character.charCount(cp);
        }
        return ems;
    }

    static void warnIfOverflow(Fit fit, String what, List<String> warnings) {
        if (fit.overflow()) {
            warnings.add(what + "が欄に収まりません（文字溢れ）。印字結果を確認してください。");
        }
    }
}
