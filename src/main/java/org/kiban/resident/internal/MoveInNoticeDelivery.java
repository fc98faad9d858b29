package org.kiban.resident.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.SearchKey;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.MoveInNotices;
import org.kiban.tenancy.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the 転入通知 between Kiban tenants (住民基本台帳法第9条第1項; over 住基ネット CS between other systems):
 * after a 国内転入 citing a 転出 from another tenant commits, the notice is read in the sender's context and
 * recorded in the receiver's, each in its own transaction under its own row-level security, each audited in its own
 * chain. The person is found among the receiver's 国内転出 除票 by 住民票コード, or, without one, by name and 生年月日
 * when exactly one such 除票 matches. Delivered again after a crash, it records nothing twice.
 */
@Component
class MoveInNoticeDelivery {

    static final Actor DELIVERY = Actor.system("move-in-notice");

    private final ResidentStore store;
    private final MoveInNoticeRegister register;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    MoveInNoticeDelivery(ResidentStore store, MoveInNoticeRegister register, Tenants tenants, AuditTrail audit,
                         JdbcClient jdbc, TransactionTemplate tx) {
        this.store = store;
        this.register = register;
        this.tenants = tenants;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What the notice says about one person. */
    record Notice(String senderAtenaNo, String juminhyoCode, String nameKey, String birthSort, LocalDate movedInOn,
                  String newAddress) {
    }

    @Async
    @TransactionalEventListener
    void on(MoveInNoticeDue due) {
        deliver(due);
    }

    void deliver(MoveInNoticeDue due) {
        if (tenants.find(due.toLgCode()).isEmpty()) {
            return; // not a Kiban tenant: the notice goes over CS, outside Kiban
        }
        List<Notice> notices = TenantContext.callAs(due.lgCode(), DELIVERY, () -> tx.execute(s -> read(due)));
        if (notices == null || notices.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now();
        TenantContext.runAs(due.toLgCode(), DELIVERY, () -> tx.executeWithoutResult(s -> {
            List<String> unmatched = new ArrayList<>();
            for (Notice n : notices) {
                String atenaNo = match(due.toLgCode(), n);
                if (atenaNo == null) {
                    unmatched.add(n.senderAtenaNo());
                    continue;
                }
                register.record(atenaNo, new MoveInNotices.Receipt(today, n.movedInOn(), n.newAddress(), due.lgCode()),
                        "AUTOMATIC", due.notificationNo());
            }
            if (!unmatched.isEmpty()) {
                audit.record(AuditEvent.of("resident.move-in-notice-unmatched", "notification", Long.toString(due.notificationNo()),
                        Map.of("from", due.lgCode(), "persons", unmatched.size())));
            }
        }));
    }

    /** In the sender's context: the persons of the 転入 as recorded, audited as sent. */
    private List<Notice> read(MoveInNoticeDue due) {
        List<Notice> notices = new ArrayList<>();
        for (Row r : store.writtenBy(due.lgCode(), due.notificationNo())) {
            if (!due.atenaNos().contains(r.atenaNo) || r.changeReason != ChangeReason.MOVE_IN_DOMESTIC) {
                continue;
            }
            LocalDate movedIn = org.kiban.common.ResidentDate.parse(r.effectiveDate).toLocalDate().orElse(null);
            if (movedIn == null) {
                continue;
            }
            String address = r.addressSupplement == null ? r.address : r.address + "　" + r.addressSupplement;
            notices.add(new Notice(r.atenaNo, r.juminhyoCode, SearchKey.name(r.name), r.birthSort, movedIn, address));
        }
        if (!notices.isEmpty()) {
            audit.record(AuditEvent.of("resident.move-in-notice-sent", "notification", Long.toString(due.notificationNo()),
                    Map.of("to", due.toLgCode(), "atenaNos", notices.stream().map(Notice::senderAtenaNo).toList())));
        }
        return notices;
    }

    /**
     * In the receiver's context: the one 国内転出 除票 the notice is about and that has none yet, or null (a notice
     * delivered again, or one entered by hand first, is not recorded twice).
     */
    private String match(String lg, Notice n) {
        String base = """
                select r.atena_no from resident_current c
                join resident_record r on r.lg_code = c.lg_code and r.atena_no = c.atena_no and r.rireki_no = c.rireki_no
                where c.lg_code = ? and c.status = 'MOVED_OUT' and r.removal_reason = ?
                  and not exists (select 1 from move_in_notice n
                                  where n.lg_code = r.lg_code and n.atena_no = r.atena_no and n.rireki_no = r.rireki_no)""";
        List<String> found = n.juminhyoCode() != null
                ? jdbc.sql(base + " and r.juminhyo_code = ?").params(lg, ChangeReason.MOVE_OUT_DOMESTIC.name(), n.juminhyoCode())
                        .query(String.class).list()
                : jdbc.sql(base + " and r.name_key = ? and r.birth_sort = ?")
                        .params(lg, ChangeReason.MOVE_OUT_DOMESTIC.name(), n.nameKey(), n.birthSort()).query(String.class).list();
        return found.size() == 1 ? found.get(0) : null;
    }
}
