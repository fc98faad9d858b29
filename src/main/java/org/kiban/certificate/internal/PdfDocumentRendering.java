package org.kiban.certificate.internal;

import org.kiban.certificate.DocumentRendering;
import org.kiban.certificate.internal.pdf.PdfRenderer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** {@link DocumentRendering} over the shared renderer (fonts parsed once per process, on first use). */
@Service
class PdfDocumentRendering implements DocumentRendering {

    private final ObjectProvider<PdfRenderer> renderer;

    PdfDocumentRendering(ObjectProvider<PdfRenderer> renderer) {
        this.renderer = renderer;
    }

    @Override
    public byte[] renderPdf(String xhtml, String title, String author) {
        PdfRenderer.Result r = renderer.getObject().render(xhtml, new PdfRenderer.RenderOptions(title, author, title, null));
        if (!r.allGlyphsPresent()) {
            throw new IllegalArgumentException("characters without a glyph: " + r.describeMissing());
        }
        return r.pdf();
    }
}
