package org.kiban.certificate.internal.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodesTest {

    private static final String URL = "https://kiban.example/verify/7Q4M-K2XD-91FA";

    @Test
    void thePngDecodesBackToTheUrl() throws Exception {
        String uri = QrCodes.pngDataUri(URL);
        assertThat(uri).startsWith("data:image/png;base64,");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()))));
        Result decoded = decode(image);

        assertThat(decoded.getText()).isEqualTo(URL);
        assertThat(decoded.getResultMetadata().get(com.google.zxing.ResultMetadataType.ERROR_CORRECTION_LEVEL))
                .isEqualTo(ErrorCorrectionLevel.M.toString());
    }

    @Test
    void theImageIsSquareWholeModulesAtPrintResolution() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(URL, 20)));
        int modules = QrCodes.encode(URL).getWidth();
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo(modules * (image.getWidth() / modules));
        // At least 600 dpi at 20 mm.
        assertThat(image.getWidth()).isGreaterThanOrEqualTo((int) (20 / 25.4 * 600));
        // Quiet zone: the outer four modules are white.
        int module = image.getWidth() / modules;
        assertThat(image.getRGB(4 * module - 1, 4 * module - 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(4 * module, 4 * module) & 0xFFFFFF).isEqualTo(0); // finder pattern corner
    }

    @Test
    void theCodeInARenderedPdfDecodesBackToTheUrl() throws Exception {
        byte[] pdf = PdfFixtures.renderer().render(PdfFixtures.page(
                "<p>照合番号 7Q4M-K2XD-91FA</p><img src=\"" + QrCodes.pngDataUri(URL)
                        + "\" style=\"width: 20mm; height: 20mm\"/>")).pdf();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            COSName name = resources.getXObjectNames().iterator().next();
            PDImageXObject image = (PDImageXObject) resources.getXObject(name);
            assertThat(decode(image.getImage()).getText()).isEqualTo(URL);
            // The PNG's own compressed rows, copied (PNG predictors under FlateDecode), not decoded and compressed again.
            assertThat(image.getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.DECODE_PARMS)
                    .getInt(org.apache.pdfbox.cos.COSName.PREDICTOR)).isEqualTo(15);
            assertThat(image.getColorSpace().getName()).isEqualTo("Indexed");
        }
    }

    @Test
    void svgHasOneSquareAModule() {
        String svg = QrCodes.svg(URL, 20);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20.00mm\" height=\"20.00mm\"")
                .contains("viewBox=\"0 0 " + QrCodes.encode(URL).getWidth() + " ")
                .endsWith("</svg>");
    }

    @Test
    void nonAsciiTextRoundTripsToo() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png("横浜市 発行番号 第123号", 20)));
        assertThat(decode(image).getText()).isEqualTo("横浜市 発行番号 第123号");
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> QrCodes.pngDataUri("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Result decode(BufferedImage image) throws Exception {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, java.util.Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }
}
