package org.kiban.resident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.InvalidValueException;
import org.kiban.common.ResidentDate;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Address;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.ForeignResidentItems;
import org.kiban.resident.NewPerson;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.PersonChanges;
import org.kiban.resident.Relationship;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentStatus;
import org.kiban.resident.Sex;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every 異動 of the 住民記録システム標準仕様書 (§4): checks the notification against the rules of the
 * standard, appends one new version per person it touches, keeps households and their versions, and publishes the
 * event. All or nothing: a notification that breaks a rule changes nothing.
 */
@Service
class NotificationService implements org.kiban.resident.ResidentNotifications {

    private final ResidentStore store;
    private final Municipalities municipalities;
    private final AuditTrail audit;
    private final ResidentEvents events;
    private final JsonMapper json;
    private final ProtectionRegister protections;

    NotificationService(ResidentStore store, Municipalities municipalities, AuditTrail audit, ResidentEvents events,
                        JsonMapper json, ProtectionRegister protections) {
        this.protections = protections;
        this.store = store;
        this.municipalities = municipalities;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    /** The work of one notification: who it is, what it changed, what to tell the clerk. */
    final class Work {
        final String lg = TenantContext.requireLgCode();
        final Actor actor = TenantContext.currentActor();
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        final Notification n;
        final NotificationType type;
        long no;
        ResidentDate effective;
        final List<Row> written = new ArrayList<>();
        final Set<String> households = new LinkedHashSet<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> confirmations = new ArrayList<>();
        /** The municipality a 国内転入 came from, to be sent its 転入通知 (住民基本台帳法第9条第1項). */
        String noticeTo;
        private int placeholders;

        /**
         * A stand-in for a new 宛名番号 ("A") or 世帯番号 ("H"). Real numbers are drawn only when everything has been
         * checked, just before the rows are written: a tenant's numbering locks its counters until commit, so taking
         * them last keeps that lock short and lets the clerks of one municipality work side by side.
         */
        String placeholder(String kind) {
            return "#" + kind + (++placeholders);
        }

        Work(Notification n) {
            this.n = n;
            this.type = n.type();
        }

        /** A new version of {@code current}, stamped with this notification. */
        Row next(Row current, ChangeReason reason) {
            Row r = current.next();
            stamp(r, reason);
            return r;
        }

        void stamp(Row r, ChangeReason reason) {
            r.changeReason = reason;
            r.effectiveDate = effective.display();
            r.effectiveSort = effective.sortKey();
            r.notifiedOn = n.notifiedOn();
            r.recordedAt = now;
            r.notificationNo = no;
            r.officeCode = actor.officeCode();
            r.operator = actor.qualifiedId();
            r.remarks = n.remarks();
        }

        void write(Row r) {
            written.add(r);
            households.add(r.householdNo);
        }
    }

    @Override
    @Transactional
    public NotificationResult submit(Notification n) {
        return submit(n, null);
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public NotificationResult trial(Notification n) {
        NotificationResult result = submit(n, null);
        // Nothing of a trial is kept: rows, audit entries and the events' outbox entries roll back together.
        org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return result;
    }

    /**
     * With an Idempotency-Key, a retry of the same request answers what the first one did and records nothing
     * more; the same key with a different request is refused.
     */
    @Override
    @Transactional
    public NotificationResult submit(Notification n, String idempotencyKey) {
        if (n == null || n.type() == null) {
            throw new InvalidValueException("missing-type", "異動の種類（type）を指定してください。");
        }
        String request = json.writeValueAsString(n);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
                throw new InvalidValueException("invalid-idempotency-key", "Idempotency-Key は1〜100文字で指定してください。");
            }
            var earlier = store.byIdempotencyKey(TenantContext.requireLgCode(), idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().request().equals(request)) {
                    throw new ProblemException(HttpStatus.CONFLICT, "idempotency-key-reused", idempotencyKey);
                }
                return replay(earlier.get());
            }
        }
        Work w = new Work(n);
        if (n.notifiedOn() != null && n.notifiedOn().isAfter(LocalDate.now())) {
            throw new InvalidValueException("notified-in-future", "届出日が未来の日付です。");
        }
        if (n.remarks() != null && n.remarks().length() > 500) {
            throw new InvalidValueException("invalid-text", "留意事項は500文字以内で指定してください。");
        }
        lockExpectedHouseholds(w);
        Long cancels = n instanceof Notification.Cancellation c ? c.notificationNo() : null;
        // The 異動日 is checked by each kind below; the notification row records it as written.
        if (n instanceof Notification.Entry e) {
            entry(w, e);
        } else if (n instanceof Notification.Birth b) {
            birth(w, b);
        } else if (n instanceof Notification.MoveWithin m) {
            moveWithin(w, m);
        } else if (n instanceof Notification.MoveOut m) {
            moveOut(w, m);
        } else if (n instanceof Notification.PersonRemoval r) {
            removal(w, r);
        } else if (n instanceof Notification.HouseholdReorganization h) {
            reorganize(w, h);
        } else if (n instanceof Notification.Correction c) {
            correct(w, c);
        } else if (n instanceof Notification.NumberChange c) {
            number(w, c);
        } else if (n instanceof Notification.NameItemChange c) {
            nameItem(w, c);
        } else if (n instanceof Notification.Cancellation c) {
            cancel(w, c);
        }
        if (!w.confirmations.isEmpty() && !Boolean.TRUE.equals(n.acknowledgeWarnings())) {
            throw new ConfirmationRequired(w.confirmations);
        }
        assignNumbers(w);
        store.insertNotification(w.lg, w.no, n.type().name(), w.effective.display(), n.notifiedOn(),
                w.actor.officeCode(), w.actor.qualifiedId(), cancels, request, Timestamp.from(w.now), idempotencyKey);
        for (Row r : w.written) {
            store.insert(r);
        }
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (String household : w.households) {
            boolean empty = store.members(w.lg, household).isEmpty();
            versions.put(household, store.bumpHousehold(w.lg, household, empty, w.effective.toLocalDate().orElse(LocalDate.now())));
        }
        List<ResidentRecord> records = w.written.stream().map(r -> r.toRecord().withoutIndividualNumber()).toList();
        events.publish(w.lg, w.no, n.type(), w.effective, n.notifiedOn(), w.written);
        if (w.noticeTo != null) {
            events.publishMoveInNotice(new MoveInNoticeDue(w.lg, w.no, w.noticeTo,
                    w.written.stream().map(r -> r.atenaNo).distinct().toList()));
        }
        audit.record(AuditEvent.of("resident.notification-recorded", "notification", Long.toString(w.no),
                Map.of("type", n.type().name(), "atenaNos", w.written.stream().map(r -> r.atenaNo).distinct().toList())));
        return new NotificationResult(w.no, n.type(), records, versions, w.warnings);
    }

    /** Draws the real numbers for the stand-ins, creates the new households, and stamps the notification number. */
    private void assignNumbers(Work w) {
        Map<String, String> real = new LinkedHashMap<>();
        LocalDate created = w.effective.toLocalDate().orElse(LocalDate.now());
        for (Row r : w.written) {
            if (r.householdNo.startsWith("#") && !real.containsKey(r.householdNo)) {
                String no = store.nextNumber(w.lg, "HOUSEHOLD");
                store.createHousehold(w.lg, no, created);
                real.put(r.householdNo, no);
            }
        }
        for (Row r : w.written) {
            if (r.atenaNo.startsWith("#")) {
                real.put(r.atenaNo, store.nextNumber(w.lg, "ATENA"));
            }
        }
        w.no = store.nextNotificationNo(w.lg);
        for (Row r : w.written) {
            r.atenaNo = real.getOrDefault(r.atenaNo, r.atenaNo);
            r.householdNo = real.getOrDefault(r.householdNo, r.householdNo);
            r.notificationNo = w.no;
        }
        List<String> households = w.households.stream().map(h -> real.getOrDefault(h, h)).distinct().toList();
        w.households.clear();
        w.households.addAll(households);
    }

    private NotificationResult replay(ResidentStore.Recorded earlier) {
        String lg = TenantContext.requireLgCode();
        List<Row> rows = store.writtenBy(lg, earlier.notificationNo());
        Map<String, Integer> versions = new LinkedHashMap<>();
        rows.forEach(r -> versions.put(r.householdNo, store.householdVersion(lg, r.householdNo).orElse(0)));
        return new NotificationResult(earlier.notificationNo(), NotificationType.valueOf(earlier.type()),
                rows.stream().map(r -> r.toRecord().withoutIndividualNumber()).toList(), versions, List.of());
    }

    /** The households the clerk saw are locked; one changed since then means someone else got there first. */
    private void lockExpectedHouseholds(Work w) {
        if (w.n.expectedVersions() == null) {
            return;
        }
        for (Map.Entry<String, Integer> e : w.n.expectedVersions().entrySet()) {
            int version = store.lockHousehold(w.lg, e.getKey())
                    .orElseThrow(() -> ProblemException.notFound("世帯", e.getKey()));
            if (e.getValue() == null || version != e.getValue()) {
                throw new ProblemException(HttpStatus.CONFLICT, "household-changed", e.getKey(), e.getValue(), version);
            }
        }
    }

    // ---- 記載: 転入, 出生, 職権記載

    private void entry(Work w, Notification.Entry e) {
        w.effective = PersonItems.exact(e.effectiveDate(), "異動日");
        notInFuture(w.effective, "異動日");
        if (e.persons() == null || e.persons().isEmpty()) {
            throw new InvalidValueException("persons-required", "異動する人（persons）を1人以上指定してください。");
        }
        if (w.type != org.kiban.resident.NotificationType.EX_OFFICIO_ENTRY && e.previousAddress() == null) {
            throw new InvalidValueException("previous-address-required", "転入前の住所（previousAddress）を指定してください。");
        }
        if (e.previousLgCode() != null && !e.previousLgCode().isBlank()) {
            String from = e.previousLgCode().strip();
            if (w.type != NotificationType.MOVE_IN_DOMESTIC) {
                throw new InvalidValueException("previous-lg-code-not-allowed", "転入前の市区町村（previousLgCode）は国内転入にだけ指定します。");
            }
            if (!org.kiban.common.CheckDigits.isValidLgCode(from) || municipalities.find(from).isEmpty() || from.equals(w.lg)) {
                throw ProblemException.badRequest("invalid-previous-lg-code", from);
            }
            w.noticeTo = from;
        }
        Household target = householdForEntry(w, e.householdNo(), e.address(), e.persons().stream().map(NewPerson::relationship).toList());
        int order = target.nextOrder;
        for (NewPerson p : e.persons()) {
            Row r = newPerson(w, p, target, order++, w.type.reason());
            if (e.previousAddress() != null) {
                r.previousAddress = e.previousAddress().full();
                r.previousAddressCode = e.previousAddress().addressCode();
                r.previousPostalCode = e.previousAddress().postalCode();
            }
            w.write(r);
        }
        if (target.existingMembers.isEmpty()) {
            orderNewHousehold(w, target.householdNo);
        }
        setHeadNames(w, target.householdNo, target.existingMembers);
    }

    /** A household formed by this notification gets the standard order of §5.2; later joiners are appended. */
    private static void orderNewHousehold(Work w, String householdNo) {
        List<Row> members = w.written.stream().filter(r -> r.householdNo.equals(householdNo)).toList();
        List<org.kiban.resident.HouseholdOrder.Member> ordered = org.kiban.resident.HouseholdOrder.standardOrder(
                members.stream().map(r -> new org.kiban.resident.HouseholdOrder.Member(r.atenaNo, r.relationship, r.birthSort)).toList());
        for (int i = 0; i < ordered.size(); i++) {
            String atenaNo = ordered.get(i).atenaNo();
            int order = i + 1;
            members.stream().filter(r -> r.atenaNo.equals(atenaNo)).forEach(r -> r.householdOrder = order);
        }
    }

    private void birth(Work w, Notification.Birth b) {
        w.effective = PersonItems.uncertainAllowed(b.effectiveDate(), "出生の日（異動日）");
        notInFuture(w.effective, "出生の日");
        if (b.person() == null) {
            throw new InvalidValueException("persons-required", "出生した子（person）を指定してください。");
        }
        if (b.householdNo() == null) {
            throw new InvalidValueException("household-required", "出生した子が入る世帯（householdNo）を指定してください。");
        }
        Household target = householdForEntry(w, b.householdNo(), null, List.of(b.person().relationship()));
        NewPerson p = b.person();
        if (p.birthDate() != null && !p.birthDate().isBlank()
                && !PersonItems.birthDate(p.birthDate(), kindOf(p)).sort().equals(w.effective.sortKey())) {
            throw new InvalidValueException("birth-date-mismatch", "出生の異動日と生年月日が一致しません。");
        }
        NewPerson child = new NewPerson(p.atenaNo(), p.kind(), p.name(), p.nameKana(), p.nameAlphabet(), p.formerSurname(),
                p.formerSurnameKana(), p.alias(), p.aliasKana(), b.effectiveDate(), p.sex(), p.relationship(),
                p.permanentDomicile(), p.familyRegisterHead(), p.becameResidentOn(), p.juminhyoCode(),
                p.individualNumber(), p.foreign());
        w.write(newPerson(w, child, target, target.nextOrder, ChangeReason.BIRTH));
    }

    private static ResidentKind kindOf(NewPerson p) {
        return p.kind() == null ? ResidentKind.JAPANESE : p.kind();
    }

    /** Where entering persons go: a new household at {@code address}, or the existing one {@code householdNo}. */
    private Household householdForEntry(Work w, String householdNo, Address address, List<String> relationships) {
        if (householdNo != null) {
            if (address != null) {
                throw new InvalidValueException("address-with-household", "既存の世帯に入る場合は住所を指定しません（世帯の住所になります）。");
            }
            lockHousehold(w, householdNo);
            List<Row> members = store.members(w.lg, householdNo);
            if (members.isEmpty()) {
                throw new ProblemException(HttpStatus.CONFLICT, "household-has-no-members", householdNo);
            }
            for (String rel : relationships) {
                if (Relationship.of(rel).isHead() && members.stream().anyMatch(m -> Relationship.HEAD.equals(m.relationship))) {
                    throw new InvalidValueException("second-head", "世帯 " + householdNo + " にはすでに世帯主がいます。");
                }
            }
            int order = members.stream().mapToInt(m -> m.householdOrder).max().orElse(0) + 1;
            return new Household(householdNo, members.get(0).addressValue(), order, members);
        }
        if (address == null) {
            throw new InvalidValueException("address-required", "新しい世帯の住所（address）か、入る世帯（householdNo）を指定してください。");
        }
        checkWard(w, address);
        long heads = relationships.stream().filter(r -> Relationship.of(r).isHead()).count();
        if (heads != 1) {
            throw new InvalidValueException("household-needs-one-head", "新しい世帯には世帯主をちょうど1人指定してください。");
        }
        return new Household(w.placeholder("H"), address, 1, List.of());
    }

    record Household(String householdNo, Address address, int nextOrder, List<Row> existingMembers) {
    }

    private Row newPerson(Work w, NewPerson p, Household target, int order, ChangeReason reason) {
        ResidentKind kind = kindOf(p);
        Row r;
        if (p.atenaNo() != null) {
            // 再転入 (§4.1 600): the person's earlier 除票 in this municipality continues with the same 宛名番号.
            Row earlier = store.currentForUpdate(w.lg, p.atenaNo())
                    .orElseThrow(() -> ProblemException.notFound("住民", p.atenaNo()));
            if (!earlier.status.removed()) {
                throw new ProblemException(HttpStatus.CONFLICT, "already-resident", p.atenaNo());
            }
            r = w.next(earlier, reason);
            r.removalReason = null;
            r.removedOn = null;
            r.removedSort = null;
            r.moveOutDestination = null;
            r.moveOutDestinationCode = null;
            r.moveOutPlannedOn = null;
            r.beforeMoveAddress = null;
            r.addressSetOn = null;
        } else {
            r = new Row();
            r.lgCode = w.lg;
            r.atenaNo = w.placeholder("A");
            r.rirekiNo = 1;
            w.stamp(r, reason);
        }
        r.status = ResidentStatus.RESIDENT;
        r.kind = kind;
        r.householdNo = target.householdNo;
        r.householdOrder = order;
        r.relationship = Relationship.of(p.relationship()).value();
        r.name = PersonItems.name(p.name(), "氏名");
        r.nameKana = PersonItems.kana(p.nameKana(), "フリガナ");
        PersonItems.Birth birth = PersonItems.birthDate(p.birthDate(), kind);
        r.birthDate = birth.display();
        r.birthSort = birth.sort();
        r.birthExact = birth.exact();
        if (p.sex() == null) {
            throw new InvalidValueException("sex-required", "性別を指定してください。");
        }
        r.sex = p.sex();
        ResidentDate became = p.becameResidentOn() == null || p.becameResidentOn().isBlank()
                ? w.effective : PersonItems.uncertainAllowed(p.becameResidentOn(), "住民となった年月日");
        r.becameResidentOn = became.display();
        r.setAddress(target.address);
        r.juminhyoCode = PersonItems.juminhyoCode(p.juminhyoCode());
        if (r.juminhyoCode != null && store.juminhyoCodeUsedByOther(w.lg, r.juminhyoCode, r.atenaNo)) {
            throw new ProblemException(HttpStatus.CONFLICT, "duplicate-juminhyo-code", r.juminhyoCode);
        }
        r.individualNumber = PersonItems.individualNumber(p.individualNumber());
        checkIndividualNumberFree(w, r.individualNumber, r.atenaNo);
        if (kind == ResidentKind.JAPANESE) {
            if (p.foreign() != null || p.alias() != null || p.nameAlphabet() != null) {
                throw new InvalidValueException("foreign-items-for-japanese", "外国人住民の項目（国籍・通称・アルファベット氏名など）は日本人住民には記載できません。");
            }
            // 戸籍の表示 may never be blank; 「なし」「不明」 are values (§1.1.12).
            r.permanentDomicile = PersonItems.text(p.permanentDomicile(), "本籍", 200);
            if (r.permanentDomicile == null) {
                throw new InvalidValueException("permanent-domicile-required", "本籍を指定してください（ない場合は「なし」、わからない場合は「不明」）。");
            }
            r.familyRegisterHead = PersonItems.text(p.familyRegisterHead(), "筆頭者", 100);
            r.formerSurname = p.formerSurname() == null ? null : PersonItems.name(p.formerSurname(), "旧氏");
            r.formerSurnameKana = PersonItems.kana(p.formerSurnameKana(), "旧氏のフリガナ");
            clearForeign(r);
        } else {
            if (p.permanentDomicile() != null || p.formerSurname() != null) {
                throw new InvalidValueException("japanese-items-for-foreign", "本籍・旧氏は外国人住民には記載できません。");
            }
            ForeignResidentItems f = PersonItems.foreign(p.foreign());
            r.nameAlphabet = PersonItems.text(p.nameAlphabet(), "アルファベット氏名", 100);
            r.alias = p.alias() == null ? null : PersonItems.name(p.alias(), "通称");
            r.aliasKana = PersonItems.kana(p.aliasKana(), "通称のフリガナ");
            r.nationality = f.nationality();
            r.foreignCategory = f.category();
            r.statusOfResidence = f.statusOfResidence();
            r.periodOfStay = f.periodOfStay();
            r.stayExpiresOn = f.stayExpiresOn();
            r.residenceCardNo = f.residenceCardNo();
            r.specialPermanentCertNo = f.specialPermanentResidentCertNo();
            r.foreignResidentSince = f.foreignResidentSince() == null ? r.becameResidentOn
                    : PersonItems.uncertainAllowed(f.foreignResidentSince(), "外国人住民となった年月日").display();
            r.permanentDomicile = null;
            r.familyRegisterHead = null;
        }
        // 過誤防止: the same person registered twice (folded name and 生年月日), confirmed by the clerk.
        for (Row same : store.sameNameAndBirth(w.lg, r.name, r.birthSort)) {
            if (!same.atenaNo.equals(r.atenaNo)) {
                w.confirmations.add("同じ氏名・生年月日の住民がすでに記録されています（宛名番号 " + same.atenaNo + "、" + same.name
                        + "、" + same.birthDate + "）。二重登録でないか確認してください。");
            }
        }
        return r;
    }

    private static void clearForeign(Row r) {
        r.nameAlphabet = null;
        r.alias = null;
        r.aliasKana = null;
        r.nationality = null;
        r.foreignCategory = null;
        r.statusOfResidence = null;
        r.periodOfStay = null;
        r.stayExpiresOn = null;
        r.residenceCardNo = null;
        r.specialPermanentCertNo = null;
        r.foreignResidentSince = null;
    }

    // ---- 転居

    private void moveWithin(Work w, Notification.MoveWithin m) {
        w.effective = PersonItems.exact(m.effectiveDate(), "異動日");
        notInFuture(w.effective, "異動日");
        if (m.address() == null) {
            throw new InvalidValueException("address-required", "転居先の住所（address）を指定してください。");
        }
        checkWard(w, m.address());
        List<Row> movers = residents(w, m.atenaNos());
        String householdNo = sameHousehold(movers);
        lockHousehold(w, householdNo);
        List<Row> members = store.members(w.lg, householdNo);
        boolean whole = movers.size() == members.size();
        String targetNo = householdNo;
        Map<String, Relationship> relationships = null;
        if (!whole) {
            relationships = relationships(m.relationships(), movers, true);
            targetNo = newHousehold(w);
        } else if (m.relationships() != null && !m.relationships().isEmpty()) {
            throw new InvalidValueException("relationships-not-allowed", "世帯全員の転居では続柄を変更しません（世帯主変更は別の届出です）。");
        } else if (!Objects.equals(members.get(0).wardLgCode, m.address().wardLgCode())) {
            // 指定都市の区間異動: the same 宛名番号, a new 世帯番号 (§1.2.1, j130, j470).
            targetNo = newHousehold(w);
        }
        int order = 1;
        for (Row current : movers) {
            checkOrder(w, current);
            Row r = w.next(current, ChangeReason.MOVE_WITHIN);
            r.beforeMoveAddress = current.addressValue().full();
            r.setAddress(m.address());
            r.addressSetOn = w.effective.display();
            if (!targetNo.equals(householdNo)) {
                r.householdNo = targetNo;
                if (relationships != null) {
                    r.relationship = relationships.get(current.atenaNo).value();
                    r.householdOrder = order++;
                }
                if (Objects.equals(current.wardLgCode, m.address().wardLgCode()) == false && whole) {
                    r.remarks = join(r.remarks, "区間異動");
                }
            }
            w.write(r);
        }
        w.households.add(householdNo);
        if (!whole) {
            orderNewHousehold(w, targetNo);
            setHeadNames(w, targetNo, List.of());
            leftBehind(w, members, movers);
        } else if (!targetNo.equals(householdNo)) {
            setHeadNames(w, targetNo, List.of());
        }
    }

    // ---- 転出

    private void moveOut(Work w, Notification.MoveOut m) {
        // The 転出予定日 may lie ahead; the 除票 dates from it (§1.1.5, j50).
        w.effective = PersonItems.exact(m.effectiveDate(), "転出予定日");
        if (m.destination() == null) {
            throw new InvalidValueException("destination-required", "転出先の住所（destination）を指定してください。");
        }
        List<Row> movers = residents(w, m.atenaNos());
        String householdNo = sameHousehold(movers);
        lockHousehold(w, householdNo);
        List<Row> members = store.members(w.lg, householdNo);
        for (Row current : movers) {
            checkOrder(w, current);
            Row r = w.next(current, w.type.reason());
            remove(w, r, w.type.reason());
            r.status = ResidentStatus.MOVED_OUT;
            r.moveOutDestination = m.destination().full();
            r.moveOutDestinationCode = m.destinationLgCode() != null ? m.destinationLgCode() : m.destination().addressCode();
            r.moveOutPlannedOn = w.effective.toLocalDate().orElseThrow();
            w.write(r);
        }
        protections.movedOut(w.lg, movers.stream().map(p -> p.atenaNo).toList());
        leftBehind(w, members, movers);
    }

    // ---- 死亡, 失踪, 職権消除

    private void removal(Work w, Notification.PersonRemoval p) {
        w.effective = w.type == NotificationType.EX_OFFICIO_REMOVAL
                ? PersonItems.exact(p.effectiveDate(), "異動日")
                : PersonItems.uncertainAllowed(p.effectiveDate(), w.type == NotificationType.DEATH ? "死亡日" : "失踪宣告により死亡とみなされる日");
        notInFuture(w.effective, "異動日");
        Row current = resident(w, p.atenaNo());
        lockHousehold(w, current.householdNo);
        List<Row> members = store.members(w.lg, current.householdNo);
        checkOrder(w, current);
        Row r = w.next(current, w.type.reason());
        remove(w, r, w.type.reason());
        r.status = w.type == NotificationType.DEATH ? ResidentStatus.DEAD : ResidentStatus.REMOVED;
        if (w.type == NotificationType.DISAPPEARANCE) {
            r.remarks = join("失踪宣告", r.remarks);
        }
        w.write(r);
        leftBehind(w, members, List.of(current));
    }

    private static void remove(Work w, Row r, ChangeReason reason) {
        r.removalReason = reason;
        r.removedOn = w.effective.display();
        r.removedSort = w.effective.sortKey();
    }

    /**
     * Members who stay when others leave: if the head left, the household has no head (世帯主不在, j490) until a
     * 世帯主変更 is notified; the clerk is told.
     */
    private static void leftBehind(Work w, List<Row> members, List<Row> leaving) {
        Set<String> gone = new HashSet<>();
        leaving.forEach(l -> gone.add(l.atenaNo));
        boolean headLeft = leaving.stream().anyMatch(l -> Relationship.HEAD.equals(l.relationship));
        if (headLeft && members.stream().anyMatch(m -> !gone.contains(m.atenaNo))) {
            w.warnings.add("世帯 " + members.get(0).householdNo + " は世帯主が不在になります。世帯主変更の届出を確認してください。");
        }
    }

    // ---- 世帯分離, 世帯合併, 世帯変更, 世帯主変更 (§4.1 720–740): never an address change

    private void reorganize(Work w, Notification.HouseholdReorganization h) {
        w.effective = PersonItems.exact(h.effectiveDate(), "異動日");
        notInFuture(w.effective, "異動日");
        if (h.householdNo() == null) {
            throw new InvalidValueException("household-required", "世帯番号（householdNo）を指定してください。");
        }
        lockHousehold(w, h.householdNo());
        List<Row> members = store.members(w.lg, h.householdNo());
        if (members.isEmpty()) {
            throw ProblemException.notFound("世帯", h.householdNo());
        }
        ChangeReason reason = w.type.reason();
        switch (w.type) {
            case HOUSEHOLD_SPLIT -> {
                List<Row> movers = subset(w, members, h.atenaNos(), false);
                Map<String, Relationship> rel = relationships(h.relationships(), movers, true);
                String target = newHousehold(w);
                moveToHousehold(w, movers, target, rel, 1, reason);
                orderNewHousehold(w, target);
                setHeadNames(w, target, List.of());
                leftBehind(w, members, movers);
            }
            case HOUSEHOLD_MERGE, HOUSEHOLD_CHANGE -> {
                if (h.targetHouseholdNo() == null || h.targetHouseholdNo().equals(h.householdNo())) {
                    throw new InvalidValueException("target-household-required", "移る先の世帯（targetHouseholdNo）を指定してください。");
                }
                lockHousehold(w, h.targetHouseholdNo());
                List<Row> target = store.members(w.lg, h.targetHouseholdNo());
                if (target.isEmpty()) {
                    throw ProblemException.notFound("世帯", h.targetHouseholdNo());
                }
                if (!target.get(0).addressValue().full().equals(members.get(0).addressValue().full())) {
                    throw new InvalidValueException("different-address", "世帯合併・世帯変更は同じ住所の世帯の間でだけできます。住所が違う場合は転居の届出です。");
                }
                List<Row> movers = w.type == org.kiban.resident.NotificationType.HOUSEHOLD_MERGE
                        ? members : subset(w, members, h.atenaNos(), false);
                if (w.type == org.kiban.resident.NotificationType.HOUSEHOLD_MERGE && h.atenaNos() != null && !h.atenaNos().isEmpty()) {
                    throw new InvalidValueException("merge-takes-household", "世帯合併では世帯全員が移ります（atenaNos は指定しません）。");
                }
                Map<String, Relationship> rel = relationships(h.relationships(), movers, false);
                int order = target.stream().mapToInt(t -> t.householdOrder).max().orElse(0) + 1;
                moveToHousehold(w, movers, h.targetHouseholdNo(), rel, order, reason);
                setHeadNames(w, h.targetHouseholdNo(), target);
                if (w.type == org.kiban.resident.NotificationType.HOUSEHOLD_CHANGE) {
                    leftBehind(w, members, movers);
                }
            }
            case HEAD_CHANGE -> {
                if (h.atenaNos() != null && !h.atenaNos().isEmpty() || h.targetHouseholdNo() != null) {
                    throw new InvalidValueException("head-change-takes-relationships", "世帯主変更では全員の新しい続柄（relationships）だけを指定します。");
                }
                Map<String, Relationship> rel = relationships(h.relationships(), members, true);
                Row oldHead = members.stream().filter(m -> Relationship.HEAD.equals(m.relationship)).findFirst().orElse(null);
                String newHead = rel.entrySet().stream().filter(e -> e.getValue().isHead()).findFirst().orElseThrow().getKey();
                if (oldHead != null && oldHead.atenaNo.equals(newHead)) {
                    throw new InvalidValueException("same-head", "新しい世帯主が今の世帯主と同じです。続柄の修正は職権修正で行います。");
                }
                String headName = members.stream().filter(m -> m.atenaNo.equals(newHead)).findFirst().orElseThrow().name;
                for (Row m : members) {
                    checkOrder(w, m);
                    Row r = w.next(m, reason);
                    r.relationship = rel.get(m.atenaNo).value();
                    r.householdHeadName = headName;
                    w.write(r);
                }
            }
            default -> throw new IllegalStateException(w.type.name());
        }
    }

    private void moveToHousehold(Work w, List<Row> movers, String target, Map<String, Relationship> rel, int order,
                                 ChangeReason reason) {
        for (Row current : movers) {
            checkOrder(w, current);
            Row r = w.next(current, reason);
            r.householdNo = target;
            r.householdOrder = order++;
            r.relationship = rel.get(current.atenaNo).value();
            w.write(r);
        }
    }

    // ---- 職権修正, 誤記修正, 軽微な修正 (§4.2 840–860): the wrong version stays, the corrected one is appended

    private void correct(Work w, Notification.Correction c) {
        Row current = person(w, c.atenaNo());
        w.effective = c.effectiveDate() == null || c.effectiveDate().isBlank()
                ? ResidentDate.parse(current.effectiveDate) : PersonItems.uncertainAllowed(c.effectiveDate(), "異動日");
        PersonChanges ch = c.changes();
        if (ch == null) {
            throw new InvalidValueException("changes-required", "修正する項目（changes）を指定してください。");
        }
        if (w.type == NotificationType.MINOR_CORRECTION && (ch.birthDate() != null || ch.sex() != null
                || ch.permanentDomicile() != null || ch.familyRegisterHead() != null || ch.becameResidentOn() != null
                || ch.addressSetOn() != null || ch.relationship() != null || ch.nationality() != null
                || ch.statusOfResidence() != null || ch.periodOfStay() != null || ch.stayExpiresOn() != null
                || ch.residenceCardNo() != null || ch.specialPermanentResidentCertNo() != null)) {
            // 軽微な修正 (規則第11条第3項第2号): characters of the name, 町字・地番・住居表示・方書 only (j850).
            throw new InvalidValueException("not-a-minor-correction", "軽微な修正で変えられるのは氏名の文字と住所の表記だけです。ほかの項目は職権修正で修正してください。");
        }
        lockHousehold(w, current.householdNo);
        Row r = w.next(current, w.type.reason());
        boolean changed = false;
        if (ch.name() != null) {
            r.name = PersonItems.name(ch.name(), "氏名");
            changed = true;
        }
        if (ch.nameKana() != null) {
            r.nameKana = PersonItems.kana(ch.nameKana(), "フリガナ");
            changed = true;
        }
        if (ch.nameAlphabet() != null) {
            requireKind(r, ResidentKind.FOREIGN, "アルファベット氏名");
            r.nameAlphabet = PersonItems.text(ch.nameAlphabet(), "アルファベット氏名", 100);
            changed = true;
        }
        if (ch.birthDate() != null) {
            PersonItems.Birth b = PersonItems.birthDate(ch.birthDate(), r.kind);
            r.birthDate = b.display();
            r.birthSort = b.sort();
            r.birthExact = b.exact();
            changed = true;
        }
        if (ch.sex() != null) {
            r.sex = ch.sex();
            changed = true;
        }
        if (ch.permanentDomicile() != null) {
            requireKind(r, ResidentKind.JAPANESE, "本籍");
            r.permanentDomicile = PersonItems.text(ch.permanentDomicile(), "本籍", 200);
            changed = true;
        }
        if (ch.familyRegisterHead() != null) {
            requireKind(r, ResidentKind.JAPANESE, "筆頭者");
            r.familyRegisterHead = PersonItems.text(ch.familyRegisterHead(), "筆頭者", 100);
            changed = true;
        }
        if (ch.becameResidentOn() != null) {
            r.becameResidentOn = PersonItems.uncertainAllowed(ch.becameResidentOn(), "住民となった年月日").display();
            changed = true;
        }
        if (ch.addressSetOn() != null) {
            r.addressSetOn = PersonItems.uncertainAllowed(ch.addressSetOn(), "住所を定めた年月日").display();
            changed = true;
        }
        if (ch.address() != null) {
            checkWard(w, ch.address());
            r.setAddress(ch.address());
            changed = true;
        }
        if (ch.relationship() != null) {
            Relationship rel = Relationship.of(ch.relationship());
            if (rel.isHead() != Relationship.HEAD.equals(current.relationship)) {
                throw new InvalidValueException("head-by-correction", "世帯主の変更は世帯主変更の届出で行います。");
            }
            r.relationship = rel.value();
            changed = true;
        }
        if (ch.nationality() != null || ch.statusOfResidence() != null || ch.periodOfStay() != null
                || ch.stayExpiresOn() != null || ch.residenceCardNo() != null || ch.specialPermanentResidentCertNo() != null) {
            requireKind(r, ResidentKind.FOREIGN, "在留に関する項目");
            ForeignResidentItems f = PersonItems.foreign(new ForeignResidentItems(
                    ch.nationality() != null ? ch.nationality() : r.nationality, r.foreignCategory,
                    ch.statusOfResidence() != null ? ch.statusOfResidence() : r.statusOfResidence,
                    ch.periodOfStay() != null ? ch.periodOfStay() : r.periodOfStay,
                    ch.stayExpiresOn() != null ? ch.stayExpiresOn() : r.stayExpiresOn,
                    ch.residenceCardNo() != null ? ch.residenceCardNo() : r.residenceCardNo,
                    ch.specialPermanentResidentCertNo() != null ? ch.specialPermanentResidentCertNo() : r.specialPermanentCertNo,
                    r.foreignResidentSince));
            r.nationality = f.nationality();
            r.statusOfResidence = f.statusOfResidence();
            r.periodOfStay = f.periodOfStay();
            r.stayExpiresOn = f.stayExpiresOn();
            r.residenceCardNo = f.residenceCardNo();
            r.specialPermanentCertNo = f.specialPermanentResidentCertNo();
            changed = true;
        }
        if (!changed) {
            throw new InvalidValueException("changes-required", "修正する項目（changes）を指定してください。");
        }
        w.write(r);
        // When the head's name changes, every member's 世帯主の氏名 changes with it (j840).
        if (ch.name() != null && Relationship.HEAD.equals(current.relationship) && current.status == ResidentStatus.RESIDENT) {
            for (Row m : store.members(w.lg, current.householdNo)) {
                if (!m.atenaNo.equals(current.atenaNo)) {
                    Row mr = w.next(m, w.type.reason());
                    mr.householdHeadName = r.name;
                    w.write(mr);
                }
            }
            r.householdHeadName = r.name;
        }
    }

    private static void requireKind(Row r, ResidentKind kind, String item) {
        if (r.kind != kind) {
            throw new InvalidValueException("item-not-for-kind", item + "は" + kind.label() + "住民だけの項目です。");
        }
    }

    // ---- 個人番号, 住民票コード (§4.3, §4.4)

    private void number(Work w, Notification.NumberChange c) {
        w.effective = today(c.effectiveDate());
        Row current = resident(w, c.atenaNo());
        lockHousehold(w, current.householdNo);
        Row r = w.next(current, w.type.reason());
        switch (w.type) {
            case INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY, INDIVIDUAL_NUMBER_CHANGE_REQUEST, INDIVIDUAL_NUMBER_EX_OFFICIO_CORRECTION -> {
                String number = PersonItems.individualNumber(c.value());
                if (number == null) {
                    throw new InvalidValueException("value-required", "個人番号（value）を指定してください。");
                }
                boolean entry = w.type == NotificationType.INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY;
                if (entry != (current.individualNumber == null)) {
                    throw new ProblemException(HttpStatus.CONFLICT, entry ? "individual-number-present" : "individual-number-absent");
                }
                if (number.equals(current.individualNumber)) {
                    throw new InvalidValueException("same-value", "今と同じ個人番号です。");
                }
                checkIndividualNumberFree(w, number, current.atenaNo);
                r.individualNumber = number;
            }
            case JUMINHYO_CODE_EX_OFFICIO_ENTRY, JUMINHYO_CODE_CHANGE_REQUEST -> {
                String code = PersonItems.juminhyoCode(c.value());
                if (code == null) {
                    throw new InvalidValueException("value-required", "住民票コード（value）を指定してください。");
                }
                if (code.equals(current.juminhyoCode)) {
                    throw new InvalidValueException("same-value", "今と同じ住民票コードです。");
                }
                if (store.juminhyoCodeUsedByOther(w.lg, code, current.atenaNo)) {
                    throw new ProblemException(HttpStatus.CONFLICT, "duplicate-juminhyo-code", code);
                }
                r.juminhyoCode = code;
            }
            default -> throw new IllegalStateException(w.type.name());
        }
        w.write(r);
    }

    // ---- 旧氏 (日本人), 通称 (外国人)

    private void nameItem(Work w, Notification.NameItemChange c) {
        w.effective = today(c.effectiveDate());
        Row current = resident(w, c.atenaNo());
        lockHousehold(w, current.householdNo);
        Row r = w.next(current, w.type.reason());
        boolean formerSurname = w.type.name().startsWith("FORMER_SURNAME");
        requireKind(current, formerSurname ? ResidentKind.JAPANESE : ResidentKind.FOREIGN, formerSurname ? "旧氏" : "通称");
        String present = formerSurname ? current.formerSurname : current.alias;
        boolean deletion = w.type == NotificationType.FORMER_SURNAME_DELETION || w.type == NotificationType.ALIAS_DELETION;
        boolean entry = w.type == NotificationType.FORMER_SURNAME_ENTRY || w.type == NotificationType.ALIAS_ENTRY;
        String item = formerSurname ? "旧氏" : "通称";
        if (entry && present != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "item-present", item);
        }
        if (!entry && present == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "item-absent", item);
        }
        String value = deletion ? null : PersonItems.name(c.value(), item);
        String kana = deletion ? null : PersonItems.kana(c.kana(), item + "のフリガナ");
        if (deletion && (c.value() != null || c.kana() != null)) {
            throw new InvalidValueException("value-not-allowed", item + "の削除では値を指定しません。");
        }
        if (formerSurname) {
            r.formerSurname = value;
            r.formerSurnameKana = kana;
        } else {
            r.alias = value;
            r.aliasKana = kana;
        }
        w.write(r);
    }

    // ---- 異動の取消し (§4.6, j980)

    private void cancel(Work w, Notification.Cancellation c) {
        if (c.notificationNo() == null) {
            throw new InvalidValueException("notification-required", "取り消す届出の番号（notificationNo）を指定してください。");
        }
        String cancelledType = store.notificationType(w.lg, c.notificationNo())
                .orElseThrow(() -> ProblemException.notFound("届出", c.notificationNo()));
        if (NotificationType.CANCELLATION.name().equals(cancelledType)) {
            throw new InvalidValueException("cannot-cancel-cancellation", "取消しの取消しはできません。元の届出をもう一度行ってください。");
        }
        if (store.isCancelled(w.lg, c.notificationNo())) {
            throw new ProblemException(HttpStatus.CONFLICT, "already-cancelled", c.notificationNo());
        }
        List<Row> rows = store.writtenBy(w.lg, c.notificationNo());
        if (rows.isEmpty()) {
            throw ProblemException.notFound("届出", c.notificationNo());
        }
        w.effective = ResidentDate.parse(rows.get(0).effectiveDate);
        for (Row cancelled : rows) {
            Row current = store.currentForUpdate(w.lg, cancelled.atenaNo).orElseThrow();
            if (current.rirekiNo != cancelled.rirekiNo) {
                throw new ProblemException(HttpStatus.CONFLICT, "later-changes-exist", cancelled.atenaNo);
            }
            w.households.add(current.householdNo);
            Row before = cancelled.rirekiNo == 1 ? null : store.version(w.lg, cancelled.atenaNo, cancelled.rirekiNo - 1).orElseThrow();
            Row r;
            if (before == null) {
                r = w.next(current, ChangeReason.CANCELLATION_DECREASE);
                remove(w, r, ChangeReason.CANCELLATION_DECREASE);
                r.status = ResidentStatus.REMOVED;
            } else {
                ChangeReason reason = before.status == ResidentStatus.RESIDENT && current.status.removed()
                        ? ChangeReason.CANCELLATION_INCREASE
                        : !before.status.removed() || current.status.removed() ? ChangeReason.CANCELLATION_AMENDMENT
                        : ChangeReason.CANCELLATION_DECREASE;
                r = before.next();
                r.rirekiNo = current.rirekiNo + 1;
                w.stamp(r, reason);
                store.lockHousehold(w.lg, r.householdNo);
            }
            w.write(r);
        }
    }

    // ---- shared rules

    private Row person(Work w, String atenaNo) {
        if (atenaNo == null || atenaNo.isBlank()) {
            throw new InvalidValueException("atena-no-required", "宛名番号（atenaNo）を指定してください。");
        }
        return store.currentForUpdate(w.lg, atenaNo).orElseThrow(() -> ProblemException.notFound("住民", atenaNo));
    }

    private Row resident(Work w, String atenaNo) {
        Row r = person(w, atenaNo);
        if (r.status != ResidentStatus.RESIDENT) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-a-resident", atenaNo, r.status.label());
        }
        return r;
    }

    private List<Row> residents(Work w, List<String> atenaNos) {
        if (atenaNos == null || atenaNos.isEmpty()) {
            throw new InvalidValueException("persons-required", "異動する人の宛名番号（atenaNos）を指定してください。");
        }
        if (new HashSet<>(atenaNos).size() != atenaNos.size()) {
            throw new InvalidValueException("duplicate-person", "同じ宛名番号が2回指定されています。");
        }
        return atenaNos.stream().map(a -> resident(w, a)).toList();
    }

    private List<Row> subset(Work w, List<Row> members, List<String> atenaNos, boolean allAllowed) {
        List<Row> movers = residents(w, atenaNos);
        Set<String> inHousehold = new HashSet<>();
        members.forEach(m -> inHousehold.add(m.atenaNo));
        for (Row m : movers) {
            if (!inHousehold.contains(m.atenaNo)) {
                throw new InvalidValueException("not-in-household", "宛名番号 " + m.atenaNo + " はこの世帯の世帯員ではありません。");
            }
        }
        if (!allAllowed && movers.size() == members.size()) {
            throw new InvalidValueException("whole-household", "世帯全員が移る場合は世帯合併か転居の届出です。");
        }
        return movers;
    }

    private static String sameHousehold(List<Row> persons) {
        String household = persons.get(0).householdNo;
        if (persons.stream().anyMatch(p -> !p.householdNo.equals(household))) {
            throw new InvalidValueException("different-households", "一度の届出で異動できるのは同じ世帯の人だけです。");
        }
        return household;
    }

    /**
     * 続柄 for persons who form or join a household: one per person, valid per §1.1.11, and exactly one 世帯主
     * when they form a new household (none when they join one).
     */
    private static Map<String, Relationship> relationships(Map<String, String> given, List<Row> persons, boolean newHousehold) {
        if (given == null || given.isEmpty()) {
            throw new InvalidValueException("relationships-required", "移る人それぞれの続柄（relationships）を指定してください。");
        }
        Map<String, Relationship> rel = new LinkedHashMap<>();
        for (Row p : persons) {
            String value = given.get(p.atenaNo);
            if (value == null) {
                throw new InvalidValueException("relationships-required", "宛名番号 " + p.atenaNo + " の続柄がありません。");
            }
            rel.put(p.atenaNo, Relationship.of(value));
        }
        if (given.size() != persons.size()) {
            throw new InvalidValueException("relationships-mismatch", "続柄は異動する人の分だけ指定してください。");
        }
        long heads = rel.values().stream().filter(Relationship::isHead).count();
        if (newHousehold ? heads != 1 : heads != 0) {
            throw new InvalidValueException("household-needs-one-head", newHousehold
                    ? "新しい世帯には世帯主をちょうど1人指定してください。" : "移る先の世帯にはすでに世帯主がいます（世帯主は指定しません）。");
        }
        return rel;
    }

    /** Sets 世帯主の氏名 on the new versions of a household's members (and on existing members if it changed). */
    private void setHeadNames(Work w, String householdNo, List<Row> existing) {
        String head = null;
        for (Row r : w.written) {
            if (r.householdNo.equals(householdNo) && Relationship.HEAD.equals(r.relationship) && r.status == ResidentStatus.RESIDENT) {
                head = r.name;
            }
        }
        for (Row e : existing) {
            if (Relationship.HEAD.equals(e.relationship)) {
                head = e.name;
            }
        }
        for (Row r : w.written) {
            if (r.householdNo.equals(householdNo) && r.status == ResidentStatus.RESIDENT) {
                r.householdHeadName = head;
            }
        }
    }

    private static String newHousehold(Work w) {
        return w.placeholder("H");
    }

    private void lockHousehold(Work w, String householdNo) {
        store.lockHousehold(w.lg, householdNo).orElseThrow(() -> ProblemException.notFound("世帯", householdNo));
        w.households.add(householdNo);
    }

    /** A 異動 may not date before the person's latest one (history is in 異動日 order); corrections may. */
    private static void checkOrder(Work w, Row current) {
        if (w.effective.sortKey().compareTo(current.effectiveSort) < 0) {
            throw new InvalidValueException("effective-date-before-last", "異動日（" + w.effective.display() + "）が、宛名番号 "
                    + current.atenaNo + " の直前の異動日（" + current.effectiveDate + "）より前です。");
        }
    }

    private static void notInFuture(ResidentDate d, String item) {
        if (d.toLocalDate().map(x -> x.isAfter(LocalDate.now())).orElse(false)) {
            throw new InvalidValueException("date-in-future", item + "（" + d.display() + "）が未来の日付です。");
        }
    }

    private static ResidentDate today(String given) {
        if (given == null || given.isBlank()) {
            return ResidentDate.of(LocalDate.now());
        }
        ResidentDate d = PersonItems.exact(given, "異動日");
        notInFuture(d, "異動日");
        return d;
    }

    private void checkIndividualNumberFree(Work w, String number, String atenaNo) {
        if (number != null && store.individualNumberUsedByOther(w.lg, number, atenaNo)) {
            throw new ProblemException(HttpStatus.CONFLICT, "duplicate-individual-number");
        }
    }

    /** A designated city's addresses name their ward; other municipalities' do not. */
    private void checkWard(Work w, Address address) {
        LocalGovernment tenant = municipalities.find(w.lg).orElseThrow();
        if (tenant.kind() == LocalGovernmentKind.DESIGNATED_CITY) {
            LocalGovernment ward = address.wardLgCode() == null ? null : municipalities.find(address.wardLgCode()).orElse(null);
            if (ward == null || !w.lg.equals(ward.parentLgCode())) {
                throw new InvalidValueException("ward-required", "指定都市の住所には、その市の行政区の団体コード（wardLgCode）を指定してください。");
            }
        } else if (address.wardLgCode() != null) {
            throw new InvalidValueException("ward-not-allowed", "行政区（wardLgCode）は指定都市の住所にだけ指定します。");
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "　" + b;
    }

    /** A notification that needs the clerk's confirmation of what Kiban found (409 with the list). */
    static final class ConfirmationRequired extends ProblemException {
        final List<String> warnings;

        ConfirmationRequired(List<String> warnings) {
            super(HttpStatus.CONFLICT, "confirmation-required", String.join(" ", warnings));
            this.warnings = List.copyOf(warnings);
            with("warnings", this.warnings);
        }
    }
}
