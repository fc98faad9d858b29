package org.kiban.certificate.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * PNGs written without ImageIO read back with ImageIO (an independent decoder), and PNGs copied into a PDF as they are
 * (their IDAT data under FlateDecode with PNG predictors, ISO 32000-1 §7.4.4.4) give back every pixel through PDFBox.
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
    void aOneBitPngIsCopiedIntoThePdfAndDecodesToTheSamePixels() throws IOException {
        byte[] png = PngImages.blackAndWhite(37, 21, PngImagesTest::black);
        BufferedImage back = inPdf(png);
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 37; x++) {
                assertThat(back.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(black(x, y) ? 0 : 0xFFFFFF);
            }
        }
    }

    @Test
    void anRgbPngOfImageIoWithItsRowFiltersIsCopiedAndDecodesToTheSamePixels() throws IOException {
        BufferedImage rgb = new BufferedImage(50, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 50; x++) {
                rgb.setRGB(x, y, (x * 5) << 16 | (y * 8) << 8 | ((x * y) & 0xFF));   // gradients: every filter type pays
            }
        }
        BufferedImage back = inPdf(write(rgb));
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 50; x++) {
                assertThat(back.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(rgb.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void pngsThatNeedDecodingTakeTheOrdinaryPath() throws IOException {
        assertThat(PngImages.passThrough(write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB)))).as("alpha").isNull();
        assertThat(PngImages.passThrough(write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED)))).as("palette")
                .isNull();
        byte[] broken = PngImages.blackAndWhite(8, 8, (x, y) -> x == y);
        broken[broken.length - 20] ^= 0x01;   // inside IDAT: its CRC no longer matches
        assertThat(PngImages.passThrough(broken)).as("bad CRC").isNull();
        assertThat(PngImages.passThrough("data:image/png;base64,not base64!")).isNull();
        assertThat(PngImages.passThrough("data:image/jpeg;base64,AAAA")).isNull();
        assertThat(PngImages.passThrough("data:image/png;base64,"
                + Base64.getEncoder().encodeToString(PngImages.blackAndWhite(4, 4, (x, y) -> true)))).isNotNull();
    }

    private static byte[] write(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage inPdf(byte[] png) throws IOException {
        ReusableImages.Encoded encoded = PngImages.passThrough(png);
        assertThat(encoded).isNotNull();
        try (PDDocument document = new PDDocument()) {
            PDImageXObject image = encoded.into(document);
            return image.getImage();
        }
    }
}
