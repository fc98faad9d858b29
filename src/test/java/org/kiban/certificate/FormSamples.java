package org.kiban.certificate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Keeps each form the tests issue as a PDF and PNG pages in {@code target/forms/}, so the layouts can be looked at;
 * {@code docs/forms/} holds a copy of them.
 */
public final class FormSamples {

    private FormSamples() {
    }

    public static synchronized void keep(String form, byte[] bytes, PDDocument pdf) throws IOException {
        Path dir = Path.of("target", "forms");
        Files.createDirectories(dir);
        String name = form.toLowerCase().replace('_', '-');
        if (Files.exists(dir.resolve(name + ".pdf"))) {
            return;
        }
        Files.write(dir.resolve(name + ".pdf"), bytes);
        PDFRenderer renderer = new PDFRenderer(pdf);
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            BufferedImage image = renderer.renderImageWithDPI(i, 72);
            ImageIO.write(image, "png", dir.resolve(name + "-" + (i + 1) + ".png").toFile());
        }
    }
}
