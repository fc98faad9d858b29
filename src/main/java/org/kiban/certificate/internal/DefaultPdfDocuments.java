package org.kiban.certificate.internal;

import org.kiban.certificate.PdfDocuments;
import org.kiban.certificate.internal.pdf.PdfRenderer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@link PdfDocuments} over the shared renderer (fonts parsed once, on first use). */
@Component
class DefaultPdfDocuments implements PdfDocuments {

    private final ObjectProvider<PdfRenderer> renderer;

    DefaultPdfDocuments(ObjectProvider<PdfRenderer> renderer) {
        this.renderer = renderer;
    }

    @Override
    public byte[] render(String xhtml, String title) {
        return renderer.getObject().render(xhtml, new PdfRenderer.RenderOptions(title, "Kiban", null, null)).pdf();
    }
}
