package org.kiban.certificate.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** openhtmltopdf without Kiban around it: the baseline the benchmarks compare Kiban's cost with. */
public final class BareRendering {

    private BareRendering() {
    }

    /**
     * The same XHTML with openhtmltopdf given Kiban's shared parsed fonts the plain way (each font loaded into
     * the document when used), without Kiban's checks: what is left of the ratio is the wrapper's own cost.
     */
    public static byte[] withParsedFonts(String xhtml, PdfFonts fonts) {
        try (PDDocument document = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(document)
                    .withHtmlContent(xhtml, null)
                    .useDefaultPageSize(210, 297, PageSizeUnits.MM)
                    .toStream(out);
            for (PdfFonts.LoadedFont font : fonts.loaded()) {
                builder.useFont(new PDFontSupplier(null) {
                    private PDFont loaded;

                    @Override
                    public PDFont supply() {
                        try {
                            return loaded != null ? loaded : (loaded = PDType0Font.load(document, font.ttf(), true));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }, font.file().family(), font.file().weight(), FontStyle.NORMAL, true);
            }
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
