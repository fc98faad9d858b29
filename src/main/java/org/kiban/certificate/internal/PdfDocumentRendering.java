package org.kiban.certificate.internal;

import org.kiban.certificate.DocumentRendering;
import org.kiban.certificate.internal.pdf.PdfRenderer;
import org.springframework.stereotype.Service;

/** {@link DocumentRendering} over the shared renderer (fonts parsed once per process). */
@Service
class PdfDocumentRendering implements DocumentRendering {

    private final PdfRenderer renderer;

    PdfDocumentRendering(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public byte[] renderPdf(String xhtml) {
        PdfRenderer.Result r = renderer.render(xhtml);
        if (!r.allGlyphsPresent()) {
            throw new IllegalArgumentException("characters without a glyph: " + r.describeMissing());
        }
        return r.pdf();
    }
}
