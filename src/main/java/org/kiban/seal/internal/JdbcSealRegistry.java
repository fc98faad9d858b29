package org.kiban.seal.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.CheckDigits;
import org.kiban.common.InvalidValueException;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentEvent;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentStatus;
import org.kiban.resident.Residents;
import org.kiban.seal.SealRegistration;
import org.kiban.seal.SealRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 印鑑登録 per the 印鑑登録証明事務処理要領 (昭和49年2月1日自治振第10号): who may register (第2, 15歳以上の住民),
 * what seal (第3, a square of 8 mm to 25 mm), one registration per person, and abolition — on request or when the
 * person leaves the registry (第11: 転出・死亡 end the registration).
 */
@Service
class JdbcSealRegistry implements SealRegistry {

    static final int MINIMUM_AGE = 15;
    static final double MIN_MM = 8.0;
    static final double MAX_MM = 25.0;

    private final JdbcClient jdbc;
    private final Residents residents;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    JdbcSealRegistry(JdbcClient jdbc, Residents residents, AuditTrail audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    @Transactional
    public SealRegistration register(String atenaNo, byte[] pngImage, double widthMm, double heightMm) {
        String lg = TenantContext.requireLgCode();
        LocalDate today = LocalDate.now();
        ResidentRecord r = residents.recordsForIssuance(List.of(atenaNo), today).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("住民", atenaNo));
        if (r.status() != ResidentStatus.RESIDENT) {
            throw new ProblemException(HttpStatus.CONFLICT, "seal-not-resident", atenaNo);
        }
        // 第2: 15歳未満の者は登録できない. With a 不詳 生年月日, the latest day it can stand for must be 15 years ago.
        LocalDate latestBirth = latestPossibleBirth(r.birthDate());
        if (latestBirth == null || Period.between(latestBirth, today).getYears() < MINIMUM_AGE) {
            throw new ProblemException(HttpStatus.CONFLICT, "seal-under-age", MINIMUM_AGE);
        }
        if (widthMm < MIN_MM || widthMm > MAX_MM || heightMm < MIN_MM || heightMm > MAX_MM) {
            throw new InvalidValueException("seal-size", "印影の大きさは一辺8ミリメートル以上25ミリメートル以内です（印鑑登録証明事務処理要領 第3）。");
        }
        if (pngImage == null || pngImage.length == 0 || pngImage.length > 2_000_000 || !isImage(pngImage)) {
            throw new InvalidValueException("seal-image", "印影の画像（PNG、2MB以内）を指定してください。");
        }
        boolean registered = jdbc.sql("select count(*) from seal_registration where lg_code = ? and atena_no = ? and status = 'ACTIVE'")
                .params(lg, atenaNo).query(Integer.class).single() > 0;
        if (registered) {
            throw new ProblemException(HttpStatus.CONFLICT, "seal-already-registered", atenaNo);
        }
        // The card number: a 7-digit sequence with the M11W2-7 check digit, so a mistyped card is caught at the
        // counter; sequence values without a defined check digit are skipped, as for 宛名番号.
        long no;
        String base;
        do {
            no = jdbc.sql("""
                            insert into seal_counter (lg_code, last) values (?, 1)
                            on conflict (lg_code) do update set last = seal_counter.last + 1 returning last""")
                    .param(lg).query(Long.class).single();
            base = String.format("%07d", no);
        } while (!CheckDigits.isIssuableAtenaBase(base));
        String card = CheckDigits.appendAtenaNoCheckDigit(base);
        jdbc.sql("""
                        insert into seal_registration (lg_code, registration_no, atena_no, card_no, seal_image, seal_sha256,
                            width_mm, height_mm, registered_on, status, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                .params(lg, no, atenaNo, card, pngImage, org.kiban.common.Hashes.sha256Hex(pngImage), widthMm, heightMm, Date.valueOf(today),
                        Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                .update();
        audit.record(AuditEvent.of("seal.registered", "resident", atenaNo, Map.of("registrationNo", no, "cardNo", card)));
        return get(lg, no);
    }

    /** The latest calendar day a 生年月日 as written can mean (不詳 month → December, 不詳 day → month end). */
    static LocalDate latestPossibleBirth(String written) {
        String key;
        try {
            key = org.kiban.common.ResidentDate.parse(written).sortKey();
        } catch (RuntimeException e) {
            // 外国人住民: 西暦 as written, e.g. 1998年7月14日
            try {
                return LocalDate.parse(written, java.time.format.DateTimeFormatter.ofPattern("uuuu年M月d日"));
            } catch (RuntimeException e2) {
                return null;
            }
        }
        if (key.startsWith("9999") || key.startsWith("0000")) {
            return null;
        }
        int year = Integer.parseInt(key.substring(0, 4));
        int month = Integer.parseInt(key.substring(4, 6));
        int day = Integer.parseInt(key.substring(6, 8));
        if (month == 0) {
            return LocalDate.of(year, 12, 31);
        }
        java.time.YearMonth ym = java.time.YearMonth.of(year, month);
        return day == 0 || day > ym.lengthOfMonth() ? ym.atEndOfMonth() : ym.atDay(day);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SealRegistration> ofPerson(String atenaNo) {
        return jdbc.sql("select * from seal_registration where lg_code = ? and atena_no = ? order by registration_no")
                .params(TenantContext.requireLgCode(), atenaNo).query(JdbcSealRegistry::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public SealRegistration get(long registrationNo) {
        return get(TenantContext.requireLgCode(), registrationNo);
    }

    @Override
    @Transactional
    public SealRegistration abolish(long registrationNo, String reason) {
        String lg = TenantContext.requireLgCode();
        SealRegistration s = get(lg, registrationNo);
        if (!s.active()) {
            throw new ProblemException(HttpStatus.CONFLICT, "seal-abolished", registrationNo);
        }
        end(lg, registrationNo, reason == null || reason.isBlank() ? "廃止申請" : reason.strip());
        return get(lg, registrationNo);
    }

    @Override
    @Transactional(readOnly = true)
    public SealRegistration forCertificate(String atenaNo, String cardNo) {
        String lg = TenantContext.requireLgCode();
        if (cardNo == null || cardNo.isBlank()) {
            throw new InvalidValueException("seal-card-required", "印鑑登録証の番号（sealCardNo）を指定してください（証明書は登録証の提示で交付します）。");
        }
        return jdbc.sql("select * from seal_registration where lg_code = ? and atena_no = ? and card_no = ? and status = 'ACTIVE'")
                .params(lg, atenaNo, cardNo.strip()).query(JdbcSealRegistry::map).optional()
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "seal-card-mismatch"));
    }

    /** 転出・死亡・消除 end the registration (要領 第11). The event arrives after the 異動 committed. */
    @Async
    @TransactionalEventListener
    void on(ResidentEvent event) {
        if (!(event instanceof ResidentEvent.ResidentMovedOut || event instanceof ResidentEvent.ResidentDied
                || event instanceof ResidentEvent.ResidentRemoved)) {
            return;
        }
        String reason = event instanceof ResidentEvent.ResidentMovedOut ? "転出"
                : event instanceof ResidentEvent.ResidentDied ? "死亡" : "職権消除";
        TenantContext.runAs(event.lgCode(), Actor.system("seal-registry"), () -> tx.executeWithoutResult(s -> {
            for (ResidentEvent.PersonChange p : event.persons()) {
                if (p.status() == ResidentStatus.RESIDENT) {
                    continue;
                }
                jdbc.sql("select registration_no from seal_registration where lg_code = ? and atena_no = ? and status = 'ACTIVE'")
                        .params(event.lgCode(), p.atenaNo()).query(Long.class).optional()
                        .ifPresent(no -> end(event.lgCode(), no, reason));
            }
        }));
    }

    private void end(String lg, long no, String reason) {
        SealRegistration s = get(lg, no);
        jdbc.sql("update seal_registration set status = 'ABOLISHED', abolished_on = ?, abolition_reason = ? where lg_code = ? and registration_no = ?")
                .params(Date.valueOf(LocalDate.now()), reason, lg, no).update();
        audit.record(AuditEvent.of("seal.abolished", "resident", s.atenaNo(), Map.of("registrationNo", no, "reason", reason)));
    }

    private SealRegistration get(String lg, long no) {
        return jdbc.sql("select * from seal_registration where lg_code = ? and registration_no = ?").params(lg, no)
                .query(JdbcSealRegistry::map).optional().orElseThrow(() -> ProblemException.notFound("印鑑登録", no));
    }

    private static SealRegistration map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SealRegistration(rs.getString("lg_code"), rs.getLong("registration_no"), rs.getString("atena_no"),
                rs.getString("card_no"), rs.getBytes("seal_image"), rs.getString("seal_sha256"), rs.getDouble("width_mm"),
                rs.getDouble("height_mm"), rs.getObject("registered_on", LocalDate.class),
                "ACTIVE".equals(rs.getString("status")), rs.getObject("abolished_on", LocalDate.class),
                rs.getString("abolition_reason"));
    }

    private static boolean isImage(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes)) != null;
        } catch (IOException e) {
            return false;
        }
    }

}
