package org.kiban.certificate.internal.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Shared fonts and renderer for the tests (parsing the fonts once per test JVM), and PDF readers. */
final class PdfFixtures {

    private PdfFixtures() {
    }

    private static final class Holder {
        static final PdfFonts FONTS = PdfFonts.standard();
        static final PdfRenderer RENDERER = new PdfRenderer(FONTS);
    }

    private static final class RsaHolder {
        /** RSA 3072 key generation takes a second or more: one key for all tests that need the default. */
        static final SigningIdentity RSA = SigningKeys.generate("檜原村", "東京都檜原村長");
    }

    static SigningIdentity rsaIdentity() {
        return RsaHolder.RSA;
    }

    static PdfFonts fonts() {
        return Holder.FONTS;
    }

    static PdfRenderer renderer() {
        return Holder.RENDERER;
    }

    /** An XHTML page as a template would produce it: body font from the document default (serif). */
    static String page(String body) {
        return page("", body);
    }

    static String page(String css, String body) {
        return """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="ja">
                <head><meta charset="UTF-8"/><title>試験</title>
                <style>@page { size: A4 portrait; margin: 15mm; } body { font-size: 10.5pt; } %s</style></head>
                <body>%s</body></html>
                """.formatted(css, body);
    }

    /** The text PDFBox extracts, as a reader's copy and paste would get it. */
    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each drawn character with the base font name it was drawn with (subset prefix removed) and its glyph id
     * in that font: 0 is .notdef, the empty box a viewer shows for a glyph the font does not have.
     */
    record Glyph(String unicode, String font, boolean embedded, int glyphId) {
    }

    static List<Glyph> glyphs(byte[] pdf) {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    String name = text.getFont().getName();
                    int plus = name.indexOf('+');
                    int gid = -1;
                    if (text.getFont() instanceof PDType0Font type0 && text.getCharacterCodes().length == 1) {
                        try {
                            gid = type0.codeToGID(text.getCharacterCodes()[0]);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    glyphs.add(new Glyph(text.getUnicode(), plus == 6 ? name.substring(7) : name,
                            text.getFont().isEmbedded(), gid));
                    super.processTextPosition(text);
                }
            };
            stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return glyphs;
    }
}
