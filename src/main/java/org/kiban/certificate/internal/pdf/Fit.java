package org.kiban.certificate.internal.pdf;

/**
 * The answer of shrink to fit ({@link PdfFonts#fit}): the font size to print a text at, and whether it
 * overflows its box even at the minimum size.
 *
 * @param fontSizePt the size to use, in points; the minimum size when {@code overflow}
 * @param overflow   the text does not fit even at the minimum size: warn, do not truncate silently
 */
public record Fit(double fontSizePt, boolean overflow) {

    /** The smallest size a certificate prints at; below it small kanji are not legible on paper. */
    public static final double DEFAULT_MIN_FONT_SIZE_PT = 6.0;

    /** Fraction of the box the text may fill, leaving room for layout rounding. */
    static final double LAYOUT_MARGIN = 0.995;

    /** 1 pt = 1/72 in, 1 in = 25.4 mm (the PDF user-space unit, ISO 32000-1 §8.3.2.3). */
    public static double mmToPt(double mm) {
        return mm * 72.0 / 25.4;
    }
}
