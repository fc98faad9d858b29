package org.kiban.certificate.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.kiban.certificate.internal.pdf.PdfRenderer;
import org.kiban.common.KeyWrapping;
import org.kiban.certificate.internal.pdf.PdfSigner;
import org.kiban.certificate.internal.pdf.QrCodes;
import org.kiban.certificate.internal.pdf.SigningIdentity;
import org.kiban.certificate.internal.pdf.SigningKeys;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PDF engine over openhtmltopdf, PDFBox and ZXing. Each tenant signs with its own key, created on first use,
 * stored as a PKCS#12 wrapped (AES-GCM) with the deployment's master secret and bound to the tenant's code, and
 * kept in memory once unwrapped.
 */
@Component
class DefaultPdfEngine implements PdfEngine {

    /** The PKCS#12 is protected by the wrapping; its own password only satisfies the format. */
    private static final char[] PKCS12_PASSWORD = "kiban".toCharArray();

    private final ObjectProvider<PdfRenderer> renderer;
    private final ObjectProvider<PdfSigner> signer;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Tenants tenants;
    private final KeyWrapping wrapping;
    private final Map<String, SigningIdentity> identities = new ConcurrentHashMap<>();
    private final Map<String, String> seals = new ConcurrentHashMap<>();
    private volatile Font sealFont;

    DefaultPdfEngine(ObjectProvider<PdfRenderer> renderer, ObjectProvider<PdfSigner> signer, JdbcClient jdbc,
                     TransactionTemplate tx, Tenants tenants, KeyWrapping wrapping) {
        this.renderer = renderer;
        this.signer = signer;
        this.jdbc = jdbc;
        this.tx = tx;
        this.tenants = tenants;
        this.wrapping = wrapping;
    }

    @Override
    public Rendered render(String xhtml) {
        PdfRenderer.Result r = renderer.getObject().render(xhtml);
        return new Rendered(r.pdf(), r.pages(), r.allGlyphsPresent() ? null : r.describeMissing());
    }

    @Override
    public Rendered renderSigned(String xhtml, String lgCode, String municipality) {
        SigningIdentity identity = identityOf(lgCode, municipality);
        PdfSigner pdfSigner = signer.getObject();
        PdfRenderer.Result r = renderer.getObject().render(xhtml, PdfRenderer.RenderOptions.defaults(),
                pdf -> pdfSigner.signAndSave(pdf, identity, PdfSigner.Options.at(Instant.now())));
        return new Rendered(r.pdf(), r.pages(), r.allGlyphsPresent() ? null : r.describeMissing());
    }

    @Override
    public byte[] sign(String lgCode, String municipality, byte[] pdf) {
        return signer.getObject().sign(pdf, identityOf(lgCode, municipality), Instant.now());
    }

    /** The tenant's signing identity, kept once loaded (or created on first use). */
    private SigningIdentity identityOf(String lgCode, String municipality) {
        return identities.computeIfAbsent(lgCode, lg -> identity(lg, municipality));
    }

    private SigningIdentity identity(String lg, String municipality) {
        byte[] stored = tx.execute(s -> jdbc.sql("select pkcs12 from certificate_signing_key where lg_code = ?")
                .param(lg).query(byte[].class).optional().orElse(null));
        if (stored == null) {
            String title = tenants.find(lg).map(t -> t.mayorTitle()).orElse(municipality + "長");
            // EC P-256: as strong as RSA 3072 for this use, and signs several times faster (every certificate is signed).
            SigningIdentity fresh = SigningKeys.generate(municipality, title, SigningKeys.Algorithm.EC_P256, Instant.now(),
                    SigningKeys.DEFAULT_VALIDITY);
            byte[] created = wrapping.wrap(SigningKeys.toPkcs12(fresh, PKCS12_PASSWORD), lg);
            tx.executeWithoutResult(s -> jdbc.sql("""
                            insert into certificate_signing_key (lg_code, pkcs12, subject, created_at) values (?, ?, ?, ?)
                            on conflict (lg_code) do nothing""")
                    .params(lg, created, title, Timestamp.from(Instant.now())).update());
            stored = tx.execute(s -> jdbc.sql("select pkcs12 from certificate_signing_key where lg_code = ?")
                    .param(lg).query(byte[].class).single());
        }
        return SigningKeys.fromPkcs12(wrapping.unwrap(stored, lg), PKCS12_PASSWORD);
    }

    @Override
    public String qrDataUri(String text) {
        return QrCodes.compactPngDataUri(text);
    }

    /**
     * The electronic 公印: black, square, the text in a 2×3 grid read top to bottom from the right, as official
     * seals are (標準仕様書 5.6: black, at most 25 mm, one seal for every office).
     */
    @Override
    public String sealDataUri(String sealText) {
        return seals.computeIfAbsent(TenantContext.currentLgCode().orElse("") + sealText, k -> {
            String uri = drawSeal(sealText);
            renderer.getObject().registerReusableImage(uri); // the same seal on every copy: compressed once
            return uri;
        });
    }

    private String drawSeal(String text) {
        // 200 px for 22 mm is about 230 dpi; grey levels keep the strokes smooth in a small image.
        int size = 200;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(9));
        g.drawRect(7, 7, size - 14, size - 14);
        int[] cps = text.codePoints().toArray();
        int columns = (cps.length + 2) / 3;
        int rows = (cps.length + columns - 1) / columns;
        float cell = (size - 34f) / Math.max(columns, rows);
        g.setFont(font().deriveFont(Font.BOLD, cell * 0.92f));
        for (int i = 0; i < cps.length; i++) {
            int column = columns - 1 - i / rows;
            int row = i % rows;
            String ch = new String(Character.toChars(cps[i]));
            int w = g.getFontMetrics().stringWidth(ch);
            float x = 17 + column * cell + (cell - w) / 2f;
            float y = 17 + row * cell + cell * 0.84f;
            g.drawString(ch, x, y);
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Font font() {
        if (sealFont == null) {
            try (InputStream in = getClass().getResourceAsStream("/fonts/NotoSerifJP_700Bold.ttf")) {
                sealFont = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("seal font", e);
            }
        }
        return sealFont;
    }
}
