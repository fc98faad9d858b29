package org.kiban.certificate.internal.pdf;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * One renderer (fonts parsed once: about a second, and 76 MB of heap for the six fonts), one signer and one
 * verifier for the application. Lazy: the fonts are parsed when the first certificate is rendered, not by
 * every test context or command-line run that never prints one.
 */
@Configuration(proxyBeanMethods = false)
class PdfConfiguration {

    @Bean
    @Lazy
    PdfFonts pdfFonts() {
        return PdfFonts.standard();
    }

    @Bean
    @Lazy
    PdfRenderer pdfRenderer(PdfFonts pdfFonts) {
        return new PdfRenderer(pdfFonts);
    }

    @Bean
    @Lazy
    PdfSigner pdfSigner() {
        return new PdfSigner();
    }

    @Bean
    @Lazy
    PdfSignatureVerifier pdfSignatureVerifier() {
        return new PdfSignatureVerifier();
    }
}
