package org.kiban.certificate.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * The PNGs Kiban writes itself read back with an independent decoder (ImageIO), and PDFBox takes them into a PDF
 * without decoding them (their compressed rows under FlateDecode with PNG predictors, ISO 32000-1 §7.4.4.4) with every
 * pixel intact.
 */
class PngImagesTest {

    /** A pattern with runs, single pixels and a row width that is not a whole number of bytes. */
    private static boolean black(int x, int y) {
        return (x * 7 + y * 3) % 5 == 0 || x == y || y == 2;
    }

    @Test
    void aOneBitPngReadsBackWithImageIo() throws IOException {
        byte[] png = PngImages.blackAndWhite(37, 21, PngImagesTest::black);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(37);
        assertThat(image.getHeight()).isEqualTo(21);
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 37; x++) {
                assertThat(image.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(black(x, y) ? 0 : 0xFFFFFF);
            }
        }
    }

    @Test
    void pdfBoxCopiesItIntoThePdfAndItDecodesToTheSamePixels() throws IOException {
        byte[] png = PngImages.blackAndWhite(37, 21, PngImagesTest::black);
        try (PDDocument document = new PDDocument()) {
            PDImageXObject image = PDImageXObject.createFromByteArray(document, png, null);
            assertThat(image.getCOSObject().getCOSDictionary(COSName.DECODE_PARMS).getInt(COSName.PREDICTOR))
                    .as("copied with its PNG predictors, not re-encoded").isEqualTo(15);
            assertThat(image.getColorSpace().getName()).isEqualTo("Indexed");
            BufferedImage back = image.getImage();
            for (int y = 0; y < 21; y++) {
                for (int x = 0; x < 37; x++) {
                    assertThat(back.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(black(x, y) ? 0 : 0xFFFFFF);
                }
            }
        }
    }
}
