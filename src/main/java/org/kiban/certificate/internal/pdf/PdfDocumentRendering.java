package org.kiban.certificate.internal.pdf;

import org.kiban.certificate.DocumentRendering;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@link DocumentRendering} over the application's one renderer (fonts are parsed on the first use). */
@Component
class PdfDocumentRendering implements DocumentRendering {

    private final ObjectProvider<PdfRenderer> renderer;

    PdfDocumentRendering(ObjectProvider<PdfRenderer> renderer) {
        this.renderer = renderer;
    }

    @Override
    public byte[] renderPdf(String xhtml, String title, String author) {
        return renderer.getObject().render(xhtml, new PdfRenderer.RenderOptions(title, author, title, null)).pdf();
    }
}
