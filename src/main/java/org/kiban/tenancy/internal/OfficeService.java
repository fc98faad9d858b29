package org.kiban.tenancy.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.Office;
import org.kiban.tenancy.OfficeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Offices of the current tenant (本庁・区役所・支所・出張所). */
@Service
public class OfficeService {

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final AuditTrail audit;

    OfficeService(JdbcClient jdbc, Municipalities municipalities, AuditTrail audit) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Office> list() {
        return jdbc.sql("select * from office where lg_code = ? order by office_code")
                .param(TenantContext.requireLgCode())
                .query((rs, n) -> new Office(rs.getString("lg_code"), rs.getString("office_code"),
                        OfficeKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("ward_lg_code"),
                        rs.getString("address"), rs.getObject("opened_on", LocalDate.class),
                        rs.getObject("closed_on", LocalDate.class)))
                .list();
    }

    /** Opens an office of the current tenant; a 区役所 must serve one of the city's own wards. */
    @Transactional
    public Office open(String officeCode, OfficeKind kind, String name, String wardLgCode, LocalDate openedOn) {
        String lgCode = TenantContext.requireLgCode();
        if (officeCode == null || !officeCode.matches("[0-9A-Za-z_-]{1,20}")) {
            throw ProblemException.badRequest("invalid-office-code", String.valueOf(officeCode));
        }
        if (kind == OfficeKind.WARD_OFFICE) {
            LocalGovernment ward = wardLgCode == null ? null : municipalities.find(wardLgCode).orElse(null);
            if (ward == null || ward.kind() != LocalGovernmentKind.WARD || !lgCode.equals(ward.parentLgCode())) {
                throw ProblemException.badRequest("ward-office-needs-ward", String.valueOf(wardLgCode));
            }
        } else if (wardLgCode != null) {
            throw ProblemException.badRequest("ward-office-needs-ward", wardLgCode);
        }
        boolean exists = jdbc.sql("select count(*) from office where lg_code = ? and office_code = ?")
                .params(lgCode, officeCode).query(Integer.class).single() > 0;
        if (exists) {
            throw ProblemException.conflict("office-exists", officeCode);
        }
        Office office = create(lgCode, officeCode, kind, name, wardLgCode, openedOn == null ? LocalDate.now() : openedOn);
        audit.record(AuditEvent.of("office.opened", "office", officeCode, Map.of("kind", kind.name(), "name", name)));
        return office;
    }

    Office create(String lgCode, String officeCode, OfficeKind kind, String name, String wardLgCode, LocalDate openedOn) {
        jdbc.sql("""
                        insert into office (lg_code, office_code, kind, name, ward_lg_code, opened_on)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(lgCode, officeCode, kind.name(), name, wardLgCode, Date.valueOf(openedOn))
                .update();
        return new Office(lgCode, officeCode, kind, name, wardLgCode, null, openedOn, null);
    }
}
