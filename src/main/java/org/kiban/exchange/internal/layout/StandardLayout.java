package org.kiban.exchange.internal.layout;

import java.util.List;

import org.kiban.certificate.CertificateForm;
import org.kiban.certificate.RequesterKind;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.ForeignCategory;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ProtectedOperation;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentStatus;
import org.kiban.resident.Sex;
import org.kiban.tax.Exemption;

import static org.kiban.exchange.internal.layout.Item.code;
import static org.kiban.exchange.internal.layout.Item.opt;
import static org.kiban.exchange.internal.layout.Item.req;
import static org.kiban.exchange.internal.layout.ItemType.*;

/**
 * Kiban's standard data layout: the one definition that export, import and the published document
 * ({@code docs/exchange/layout.md}) are made from. Item names follow the 住民記録システム標準仕様書's managed items and
 * the 中間標準レイアウト naming (standards.md §1.4, §1.5, §2.1, §2.3); the numeric codes of the national code tables
 * (異動事由コード, 続柄コード …) were not retrieved (standards.md §2.3 [GAP]), so the code tables here are Kiban's own,
 * published with the layout, and versioned with it.
 */
public final class StandardLayout {

    /** Raised whenever an item, a file or a code changes meaning; an import refuses another version. */
    public static final String VERSION = "1.1";
    /** The earlier version an import still accepts: its file set lacks the files added since (read as empty). */
    public static final String VERSION_1_0 = "1.0";
    public static final String NAME = "Kiban 標準データレイアウト";
    public static final String MANIFEST = "manifest.json";

    // ---- code tables

    public static final CodeTable CHANGE_REASON = CodeTable.of("C01", "異動事由コード",
            "記載 1x・消除 2x・修正 3x〜6x（標準仕様書 1.2.2 の区分）。", ChangeReason.class, ChangeReason::label,
            "11", "12", "13", "14", "19",
            "21", "22", "23", "24", "29",
            "31", "32", "33", "34", "41", "42", "43", "44", "45", "51", "52", "53", "54", "61", "62", "63", "64", "65", "69");
    public static final CodeTable NOTIFICATION_TYPE = CodeTable.of("C02", "届出種別コード",
            "届出・職権の種別。記録される異動事由と同じ番号（失踪 25、異動の取消し 90 を除く）。", NotificationType.class,
            NotificationType::label,
            "11", "12", "13", "14", "31", "21", "22", "23", "25", "24", "51", "52", "53", "54", "33", "34", "32", "43", "41",
            "42", "45", "44", "61", "62", "63", "64", "65", "90");
    public static final CodeTable STATUS = CodeTable.of("C03", "住民状態コード", "住民、または除票となった事由。",
            ResidentStatus.class, ResidentStatus::label, "1", "2", "3", "4");
    public static final CodeTable KIND = CodeTable.of("C04", "住民種別コード", "住民基本台帳法第30条の45。",
            ResidentKind.class, ResidentKind::label, "1", "2");
    public static final CodeTable SEX = CodeTable.of("C05", "性別コード", "JIS X 0303 の 1（男）・2（女）。",
            Sex.class, Sex::label, "1", "2");
    public static final CodeTable FOREIGN_CATEGORY = CodeTable.of("C06", "外国人住民区分コード",
            "住民基本台帳法第30条の45 の表の区分。", ForeignCategory.class, ForeignCategory::label, "1", "2", "3", "4", "5");
    public static final CodeTable PROTECTED_OPERATION = CodeTable.of("C07", "支援を求める事務コード",
            "支援措置で抑止する事務（標準仕様書 1.1.16）。", ProtectedOperation.class, ProtectedOperation::label,
            "1", "2", "3");
    public static final CodeTable SEAL_STATUS = new CodeTable("C08", "印鑑登録状態コード", "", List.of(
            new CodeTable.Code("1", "ACTIVE", "登録中"), new CodeTable.Code("2", "ABOLISHED", "廃止")));
    public static final CodeTable CERTIFICATE_FORM = CodeTable.of("C09", "証明書種別コード", "交付した証明書の様式。",
            CertificateForm.class, f -> f.title() + "（" + f.name() + "）", "01", "02", "03", "04", "05", "06", "07", "08", "09");
    public static final CodeTable REQUESTER = CodeTable.of("C10", "請求種別コード", "", RequesterKind.class,
            RequesterKind::label, "1", "2", "3");

    public static final CodeTable MOVE_IN_NOTICE_CHANNEL = new CodeTable("C11", "転入通知の受理方法コード",
            "第1.1版から。", List.of(new CodeTable.Code("1", "MANUAL", "手入力（紙・CS の通知）"),
            new CodeTable.Code("2", "AUTOMATIC", "自動受信（Kiban の団体間）")));

    public static final CodeTable INCOME_REPORT_KIND = new CodeTable("C12", "支払報告書種別コード", "第1.1版から。",
            List.of(new CodeTable.Code("1", "SALARY", "給与支払報告書（地方税法第317条の6第1項）"),
                    new CodeTable.Code("2", "PENSION", "公的年金等支払報告書（同条第4項）")));
    public static final CodeTable EXEMPTION = CodeTable.of("C13", "非課税区分コード",
            "地方税法第295条・附則第3条の3。第1.1版から。", Exemption.class,
            e -> switch (e) {
                case NONE -> "課税（所得割・均等割とも）";
                case INCOME_LEVY -> "所得割非課税";
                case ALL -> "均等割・所得割とも非課税";
            }, "0", "1", "2");
    public static final CodeTable TAX_COLLECTION = new CodeTable("C14", "徴収方法コード", "第1.1版から。",
            List.of(new CodeTable.Code("1", "SPECIAL", "特別徴収（給与）"), new CodeTable.Code("2", "ORDINARY", "普通徴収"),
                    new CodeTable.Code("0", "NONE", "徴収なし")));
    public static final CodeTable PENSION_COLLECTION = new CodeTable("C15", "公的年金等特別徴収区分コード",
            "地方税法第321条の7の2〜第321条の7の8。第1.1版から。",
            List.of(new CodeTable.Code("1", "FIRST_YEAR", "初年度（6月・8月は普通徴収、4月はなし）"),
                    new CodeTable.Code("2", "CONTINUING", "継続（4月〜8月は仮特別徴収）")));

    public static final CodeTable CARE_INSURED_STATUS = new CodeTable("C16", "介護保険資格状態コード", "第1.1版から。",
            List.of(new CodeTable.Code("1", "INSURED", "被保険者"), new CodeTable.Code("2", "LOST", "資格喪失")));
    public static final CodeTable CARE_INSURED_EVENT = new CodeTable("C17", "介護保険資格異動コード", "第1.1版から。",
            List.of(new CodeTable.Code("1", "ACQUIRED", "資格取得"), new CodeTable.Code("2", "LOST", "資格喪失"),
                    new CodeTable.Code("3", "ADDRESS_EXCEPTION", "住所地特例（介護保険法第13条）")));
    public static final CodeTable CARE_SPECIAL_STATUS = new CodeTable("C18", "介護保険特別状態コード",
            "適用除外施設・他の保険者の住所地特例・この保険者の住所地特例。第1.1版から。",
            List.of(new CodeTable.Code("1", "EXCLUDED_FACILITY", "適用除外施設への入所（介護保険法施行法第11条）"),
                    new CodeTable.Code("2", "OTHER_INSURER", "他の保険者の住所地特例による入所"),
                    new CodeTable.Code("3", "ADDRESS_EXCEPTION", "住所地特例（介護保険法第13条）")));
    public static final CodeTable CARE_FACILITY_KIND = new CodeTable("C19", "施設種別コード", "第1.1版から。", List.of(
            new CodeTable.Code("01", "SPECIAL_NURSING_HOME", "介護老人福祉施設（特別養護老人ホーム）"),
            new CodeTable.Code("02", "HEALTH_FACILITY", "介護老人保健施設"),
            new CodeTable.Code("03", "CARE_MEDICAL_CENTER", "介護医療院"),
            new CodeTable.Code("04", "PAID_NURSING_HOME", "有料老人ホーム（該当するサービス付き高齢者向け住宅を含む）"),
            new CodeTable.Code("05", "CARE_HOUSE", "軽費老人ホーム"),
            new CodeTable.Code("06", "SHELTERED_HOME", "養護老人ホーム"),
            new CodeTable.Code("07", "GROUP_HOME", "認知症対応型共同生活介護（グループホーム）"),
            new CodeTable.Code("08", "COMMUNITY_NURSING_HOME", "地域密着型介護老人福祉施設"),
            new CodeTable.Code("09", "COMMUNITY_SPECIFIED_FACILITY", "地域密着型特定施設（定員29人以下）"),
            new CodeTable.Code("10", "EXCLUDED", "適用除外施設（障害者支援施設等）")));

    public static final CodeTable CARE_PREMIUM_COLLECTION = new CodeTable("C20", "介護保険料の徴収方法コード", "第1.1版から。",
            List.of(new CodeTable.Code("1", "SPECIAL", "特別徴収（年金から）"), new CodeTable.Code("2", "ORDINARY", "普通徴収")));
    public static final CodeTable CERTIFICATION_KIND = new CodeTable("C21", "要介護認定の申請区分コード", "第1.1版から。",
            List.of(new CodeTable.Code("1", "NEW", "新規"), new CodeTable.Code("2", "RENEWAL", "更新"),
                    new CodeTable.Code("3", "CHANGE", "区分変更")));
    public static final CodeTable CERTIFICATION_STATUS = new CodeTable("C22", "要介護認定の進捗コード", "第1.1版から。", List.of(
            new CodeTable.Code("01", "APPLIED", "申請受付"), new CodeTable.Code("02", "SURVEYED", "認定調査済み"),
            new CodeTable.Code("03", "OPINION_RECEIVED", "主治医意見書受領"),
            new CodeTable.Code("04", "READY_FOR_JUDGEMENT", "一次判定待ち（調査・意見書とも済み）"),
            new CodeTable.Code("05", "PRIMARY_JUDGED", "一次判定済み"), new CodeTable.Code("06", "BOARD_REVIEWED", "審査会済み"),
            new CodeTable.Code("07", "DECIDED", "認定済み"), new CodeTable.Code("08", "NOTIFIED", "通知済み"),
            new CodeTable.Code("09", "WITHDRAWN", "取下げ")));
    public static final CodeTable CARE_LEVEL = new CodeTable("C23", "要介護状態区分コード", "第1.1版から。", List.of(
            new CodeTable.Code("01", "NOT_APPLICABLE", "非該当"), new CodeTable.Code("12", "SUPPORT_1", "要支援1"),
            new CodeTable.Code("13", "SUPPORT_2", "要支援2"), new CodeTable.Code("21", "CARE_1", "要介護1"),
            new CodeTable.Code("22", "CARE_2", "要介護2"), new CodeTable.Code("23", "CARE_3", "要介護3"),
            new CodeTable.Code("24", "CARE_4", "要介護4"), new CodeTable.Code("25", "CARE_5", "要介護5")));
    public static final CodeTable CERTIFICATION_STEP = new CodeTable("C24", "要介護認定の経過コード", "第1.1版から。", List.of(
            new CodeTable.Code("01", "APPLIED", "申請"), new CodeTable.Code("02", "SURVEYED", "認定調査"),
            new CodeTable.Code("03", "OPINION_RECEIVED", "主治医意見書の受領"), new CodeTable.Code("05", "PRIMARY_JUDGED", "一次判定"),
            new CodeTable.Code("06", "BOARD_REVIEWED", "介護認定審査会"), new CodeTable.Code("07", "DECIDED", "認定"),
            new CodeTable.Code("08", "NOTIFIED", "結果の通知"), new CodeTable.Code("10", "POSTPONED", "延期通知")));

    public static final List<CodeTable> CODE_TABLES = List.of(CHANGE_REASON, NOTIFICATION_TYPE, STATUS, KIND, SEX,
            FOREIGN_CATEGORY, PROTECTED_OPERATION, SEAL_STATUS, CERTIFICATE_FORM, REQUESTER, MOVE_IN_NOTICE_CHANNEL,
            INCOME_REPORT_KIND, EXEMPTION, TAX_COLLECTION, PENSION_COLLECTION, CARE_INSURED_STATUS, CARE_INSURED_EVENT,
            CARE_SPECIAL_STATUS, CARE_FACILITY_KIND, CARE_PREMIUM_COLLECTION, CERTIFICATION_KIND, CERTIFICATION_STATUS,
            CARE_LEVEL, CERTIFICATION_STEP);

    // ---- files

    public static final LayoutFile HOUSEHOLD = new LayoutFile("household.csv", "世帯", "household", "resident",
            "世帯番号ごとに1行。世帯主・住所・世帯員は住民ファイルの各人の行にある（標準仕様書のとおり世帯の項目は個人ごとに持つ）。",
            List.of(
                    req("世帯番号", "household_no", ATENA_NO, "10桁（9桁の連番＋検査数字）"),
                    req("世帯作成年月日", "created_on", DATE, "世帯が作られた日"),
                    opt("世帯消滅年月日", "dissolved_on", DATE, "世帯員がいなくなった日"),
                    req("世帯版数", "version", INTEGER, "世帯の更新回数（排他制御の版数）")),
            List.of("household_no"), List.of(), List.of(), null, LayoutFile.GENERATION, List.of());

    public static final LayoutFile NOTIFICATION = new LayoutFile("notification.csv", "異動届（届出・職権）", "resident_notification",
            "resident", "受け付けた届出・職権の処理ごとに1行。住民ファイルの各行はこの届出番号を持つ。",
            List.of(
                    req("届出番号", "notification_no", INTEGER, "団体内の連番"),
                    code("届出種別", "type", NOTIFICATION_TYPE, true, ""),
                    req("異動年月日", "effective_date", TEXT, "届出の異動日（記載どおり）"),
                    opt("届出年月日", "notified_on", DATE, ""),
                    req("処理日時", "recorded_at", TIMESTAMP, ""),
                    opt("入力場所", "office_code", TEXT, "事務所コード"),
                    req("操作者", "operator", TEXT, "処理した職員・システム"),
                    opt("取消対象届出番号", "cancels_no", INTEGER, "異動の取消しが取り消す届出"),
                    req("届出内容", "request", JSON, "受け付けた届出の内容")),
            List.of("notification_no"), List.of(),
            List.of(new LayoutFile.Reference("cancels_no", "notification.csv", "notification_no")), null,
            "notification_no", List.of());

    public static final LayoutFile RESIDENT = new LayoutFile("resident.csv", "住民（異動履歴を含む）", "resident_record", "resident",
            "宛名番号・履歴番号ごとに1行。異動ごとに全項目の行が追加され、最大の履歴番号が現在の状態（標準仕様書 1.2.1）。"
                    + "除票（転出・死亡・消除）も同じファイルに住民状態と消除事由で表す。",
            List.of(
                    req("宛名番号", "atena_no", ATENA_NO, "10桁（9桁の連番＋検査数字、標準仕様書 1.1.13）"),
                    req("履歴番号", "rireki_no", INTEGER, "1から連番"),
                    code("異動事由", "change_reason", CHANGE_REASON, true, ""),
                    req("異動年月日", "effective_date", RESIDENT_DATE, "異動日（転出は転出予定日）"),
                    opt("届出年月日", "notified_on", DATE, ""),
                    req("処理日時", "recorded_at", TIMESTAMP, ""),
                    req("届出番号", "notification_no", INTEGER, "異動届ファイルの届出番号"),
                    opt("入力場所", "office_code", TEXT, "事務所コード"),
                    req("操作者", "operator", TEXT, ""),
                    opt("留意事項", "remarks", TEXT, ""),
                    code("住民状態", "status", STATUS, true, ""),
                    code("住民種別", "resident_kind", KIND, true, ""),
                    req("世帯番号", "household_no", ATENA_NO, "世帯ファイルの世帯番号"),
                    req("世帯員の並び順", "household_order", INTEGER, "標準仕様書 5.2 の順"),
                    new Item("続柄", "relationship", RELATIONSHIP, null, false, "世帯主との続柄（世帯主不在のときも各人の続柄）"),
                    opt("世帯主の氏名", "household_head_name", TEXT, ""),
                    req("氏名", "name", TEXT, "外国人住民は漢字の氏名（なければアルファベット）"),
                    opt("氏名フリガナ", "name_kana", TEXT, "カタカナ"),
                    opt("氏名アルファベット", "name_alphabet", TEXT, "外国人住民"),
                    opt("旧氏", "former_surname", TEXT, ""),
                    opt("旧氏フリガナ", "former_surname_kana", TEXT, ""),
                    opt("通称", "alias", TEXT, "外国人住民"),
                    opt("通称フリガナ", "alias_kana", TEXT, ""),
                    new Item("生年月日", "birth_date", BIRTH_DATE, null, true, "日本人は和暦（不詳日あり）、外国人は西暦"),
                    code("性別", "sex", SEX, true, ""),
                    opt("本籍", "permanent_domicile", TEXT, "日本人住民"),
                    opt("筆頭者", "family_register_head", TEXT, "日本人住民"),
                    req("住民となった年月日", "became_resident_on", TEXT, "記載どおり（不詳日あり）"),
                    opt("住所を定めた年月日", "address_set_on", TEXT, "記載どおり（不詳日あり）"),
                    req("住所", "address", TEXT, ""),
                    opt("方書", "address_supplement", TEXT, ""),
                    opt("住所コード", "address_code", TEXT, ""),
                    opt("郵便番号", "postal_code", POSTAL_CODE, ""),
                    opt("行政区コード", "ward_lg_code", LG_CODE, "指定都市の区"),
                    opt("転入前住所", "previous_address", TEXT, "国外を含む"),
                    opt("転入前住所コード", "previous_address_code", TEXT, ""),
                    opt("転入前郵便番号", "previous_postal_code", POSTAL_CODE, ""),
                    opt("異動前住所", "before_move_address", TEXT, "転居前の住所"),
                    opt("住民票コード", "juminhyo_code", JUMINHYO_CODE, ""),
                    opt("個人番号", "individual_number", INDIVIDUAL_NUMBER, ""),
                    opt("国籍・地域", "nationality", TEXT, "外国人住民"),
                    code("外国人住民区分", "foreign_category", FOREIGN_CATEGORY, false, "外国人住民"),
                    opt("在留資格", "status_of_residence", TEXT, "中長期在留者"),
                    opt("在留期間", "period_of_stay", TEXT, "中長期在留者"),
                    opt("在留期間の満了の日", "stay_expires_on", DATE, "中長期在留者"),
                    opt("在留カードの番号", "residence_card_no", TEXT, "中長期在留者"),
                    opt("特別永住者証明書の番号", "special_permanent_cert_no", TEXT, "特別永住者"),
                    opt("外国人住民となった年月日", "foreign_resident_since", TEXT, "記載どおり"),
                    code("消除事由", "removal_reason", CHANGE_REASON, false, "除票の事由（異動事由コード）"),
                    opt("消除年月日", "removed_on", RESIDENT_DATE, "事由の生じた年月日（転出は転出予定日）"),
                    opt("転出先住所", "move_out_destination", TEXT, ""),
                    opt("転出先住所コード", "move_out_destination_code", TEXT, ""),
                    opt("転出予定年月日", "move_out_planned_on", DATE, "")),
            List.of("atena_no", "rireki_no"), List.of(),
            List.of(new LayoutFile.Reference("household_no", "household.csv", "household_no"),
                    new LayoutFile.Reference("notification_no", "notification.csv", "notification_no")),
            new LayoutFile.Sequence("atena_no", "rireki_no"), "notification_no",
            List.of("effective_sort（異動年月日の内部日付）", "birth_sort・birth_exact（生年月日の内部日付）",
                    "removed_sort（消除年月日の内部日付）", "name_key・kana_key・given_kana_key・alias_key・former_surname_key・"
                            + "address_key（検索キー）", "resident_current（各人の最新の履歴番号）"));

    public static final LayoutFile PROTECTION_MEASURE = new LayoutFile("protection_measure.csv", "支援措置",
            "protection_measure", "resident",
            "支援措置（DV等支援措置）の対象者ごとに1行（標準仕様書 1.1.16）。申出者と併せて支援を求める者はそれぞれ1行。",
            List.of(
                    req("支援措置番号", "measure_no", INTEGER, "団体内の連番"),
                    req("宛名番号", "atena_no", ATENA_NO, "支援の対象者"),
                    req("申出者宛名番号", "applicant_atena_no", ATENA_NO, ""),
                    opt("申出者との関係", "relation_to_applicant", TEXT, "併せて支援を求める者"),
                    opt("加害者氏名", "perpetrator_name", TEXT, ""),
                    opt("加害者宛名番号", "perpetrator_atena_no", TEXT, "同じ団体の住民のとき"),
                    opt("加害者生年月日", "perpetrator_birth_date", TEXT, "記載どおり"),
                    opt("加害者性別", "perpetrator_sex", TEXT, "記載どおり"),
                    opt("加害者住所", "perpetrator_address", TEXT, ""),
                    opt("加害者備考", "perpetrator_note", TEXT, ""),
                    new Item("支援を求める事務", "blocked_operations", CODE_LIST, PROTECTED_OPERATION, false, ""),
                    req("開始年月日", "start_on", DATE, ""),
                    req("終了年月日", "end_on", DATE, ""),
                    req("仮支援措置", "provisional", FLAG, ""),
                    req("前住所地", "former_address", FLAG, "転出後、前住所地として支援を続けるもの"),
                    opt("当初受付市区町村コード", "first_received_lg_code", LG_CODE, ""),
                    opt("連絡先", "contact", TEXT, ""),
                    opt("支援終了日", "ended_on", DATE, ""),
                    req("登録日時", "created_at", TIMESTAMP, ""),
                    req("登録者", "created_by", TEXT, ""),
                    req("版数", "version", INTEGER, "更新回数")),
            List.of("measure_no"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no"),
                    new LayoutFile.Reference("applicant_atena_no", "resident.csv", "atena_no")), null,
            LayoutFile.GENERATION, List.of());

    public static final LayoutFile PROTECTION_RELEASE = new LayoutFile("protection_release.csv", "支援措置の一時解除",
            "protection_release", "resident", "支援措置責任者による1回限りの解除ごとに1行。",
            List.of(
                    req("解除番号", "release_no", INTEGER, ""),
                    req("支援措置番号", "measure_no", INTEGER, ""),
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    code("対象事務", "operation", PROTECTED_OPERATION, true, ""),
                    req("解除理由", "reason", TEXT, ""),
                    req("解除者", "released_by", TEXT, ""),
                    req("解除日時", "released_at", TIMESTAMP, ""),
                    req("有効期限", "valid_until", TIMESTAMP, ""),
                    opt("使用日時", "used_at", TIMESTAMP, "")),
            List.of("release_no"), List.of(),
            List.of(new LayoutFile.Reference("measure_no", "protection_measure.csv", "measure_no"),
                    new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")), null, LayoutFile.GENERATION, List.of());

    public static final LayoutFile MOVE_IN_NOTICE = new LayoutFile("move_in_notice.csv", "転入通知", "move_in_notice",
            "resident", "受理した転入通知（住民基本台帳法第9条第1項）ごとに1行。通知が答える転出の除票（宛名番号・履歴番号）に"
                    + "記録し、記録後は変えない（追記のみ）。第1.1版から。",
            List.of(
                    req("宛名番号", "atena_no", ATENA_NO, "転出した住民"),
                    req("履歴番号", "rireki_no", INTEGER, "通知が答える転出の除票の履歴番号"),
                    req("転入通知年月日", "received_on", DATE, "通知を受けた日"),
                    req("転入年月日", "moved_in_on", DATE, "通知に記載の転入日"),
                    req("転出先住所", "new_address", TEXT, "通知に記載の住所（確定）"),
                    req("通知市区町村コード", "notifying_lg_code", LG_CODE, "転入を記録した市区町村"),
                    code("受理方法", "channel", MOVE_IN_NOTICE_CHANNEL, true, ""),
                    opt("通知元届出番号", "source_notification_no", INTEGER, "自動受信のとき、通知市区町村での転入の届出番号"),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("atena_no", "rireki_no"), List.of(),
            List.of(new LayoutFile.Reference(List.of("atena_no", "rireki_no"), "resident.csv",
                    List.of("atena_no", "rireki_no"))), null, LayoutFile.GENERATION, List.of());

    public static final LayoutFile ADULT_GUARDIANSHIP = new LayoutFile("adult_guardianship.csv", "成年被後見人",
            "adult_guardianship", "resident", "成年被後見人の該当（標準仕様書 1.1.2）の変更ごとに1行（追記のみ）。宛名番号ごとに"
                    + "最大の版番号が現在の状態（終了は終了年月日のある版の追記で表す）。第1.1版から。",
            List.of(
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("版番号", "seq", INTEGER, "宛名番号ごとに1から"),
                    req("後見開始年月日", "start_on", DATE, "後見開始の審判が確定した日"),
                    opt("後見終了年月日", "end_on", DATE, "取消し・死亡などで後見が終了した日"),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("atena_no", "seq"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")),
            new LayoutFile.Sequence("atena_no", "seq"), LayoutFile.GENERATION, List.of());

    public static final LayoutFile SEAL = new LayoutFile("seal_registration.csv", "印鑑登録", "seal_registration", "seal",
            "印鑑登録ごとに1行（廃止したものを含む）。印影は登録時に読み取った画像。",
            List.of(
                    req("登録番号", "registration_no", INTEGER, ""),
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("印鑑登録証番号", "card_no", ATENA_NO, "8桁（7桁の連番＋検査数字）"),
                    req("印影", "seal_image", BASE64, "PNG 画像"),
                    req("印影ハッシュ", "seal_sha256", SHA256, "印影の SHA-256"),
                    req("印影の幅", "width_mm", DECIMAL, "ミリメートル"),
                    req("印影の高さ", "height_mm", DECIMAL, "ミリメートル"),
                    req("登録年月日", "registered_on", DATE, ""),
                    code("登録状態", "status", SEAL_STATUS, true, ""),
                    opt("廃止年月日", "abolished_on", DATE, ""),
                    opt("廃止事由", "abolition_reason", TEXT, "申請・転出・死亡・職権"),
                    req("登録日時", "created_at", TIMESTAMP, ""),
                    req("登録者", "created_by", TEXT, "")),
            List.of("registration_no"), List.of(List.of("card_no")),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")), null, LayoutFile.GENERATION,
            List.of("seal_counter（印鑑登録証番号の連番）"));

    public static final LayoutFile CERTIFICATE_ISSUE = new LayoutFile("certificate_issue.csv", "交付履歴", "certificate_issue",
            "certificate", "交付した証明書ごとに1行（標準仕様書 1.14 の帳票発行ログ）。照合番号で証明書の真正性を確かめられる。",
            List.of(
                    req("交付連番", "issue_seq", INTEGER, "交付年月日（8桁）×100000＋日ごとの連番"),
                    req("発行番号", "issue_no", TEXT, "YYYYMMDD 市名 端末 プリンタ 連番"),
                    req("交付年月日", "issued_on", DATE, ""),
                    req("交付日時", "issued_at", TIMESTAMP, ""),
                    code("証明書の種類", "form", CERTIFICATE_FORM, true, ""),
                    code("請求の種別", "requester_kind", REQUESTER, true, ""),
                    opt("請求者氏名", "requester_name", TEXT, ""),
                    opt("使用目的", "purpose", TEXT, ""),
                    opt("世帯番号", "household_no", TEXT, "世帯連記式のとき"),
                    req("対象者", "subjects", JSON, "記載した宛名番号・履歴番号"),
                    req("記載事項", "options", JSON, "請求され記載した事項"),
                    req("手数料", "fee_yen", INTEGER, "円"),
                    opt("手数料免除理由", "fee_exemption", TEXT, ""),
                    opt("再交付元交付連番", "reissue_of", INTEGER, ""),
                    req("頁数", "pages", INTEGER, ""),
                    req("文書ハッシュ", "sha256", SHA256, "交付した PDF の SHA-256"),
                    req("照合番号", "verification_code", TEXT, "/verify/{照合番号}"),
                    req("個人番号記載", "individual_number_printed", FLAG, ""),
                    opt("警告", "warnings", TEXT, ""),
                    req("交付者", "issued_by", TEXT, ""),
                    opt("入力場所", "office_code", TEXT, ""),
                    req("発行端末", "terminal", TEXT, ""),
                    req("発行プリンタ", "printer", TEXT, "")),
            List.of("issue_seq"), List.of(List.of("issue_no"), List.of("verification_code")),
            List.of(new LayoutFile.Reference("reissue_of", "certificate_issue.csv", "issue_seq")), null, "issue_seq",
            List.of("certificate_verification（照合番号の公開情報）", "certificate_daily_counter（日ごとの連番）"));

    public static final LayoutFile PARAMETER = new LayoutFile("parameter.csv", "パラメータ", "parameter_value", "parameter",
            "団体が設定したパラメータの改訂ごとに1行（標準値のままのものは行がない）。",
            List.of(
                    req("パラメータキー", "parameter_key", TEXT, "パラメータカタログのキー"),
                    req("改訂番号", "revision", INTEGER, "キーごとに1から"),
                    req("適用開始日", "valid_from", DATE, ""),
                    opt("値", "value", TEXT, "空は標準値に戻したもの"),
                    req("理由", "reason", TEXT, ""),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("parameter_key", "revision"), List.of(), List.of(),
            new LayoutFile.Sequence("parameter_key", "revision"), LayoutFile.GENERATION, List.of());

    public static final LayoutFile TAX_INCOME_REPORT = new LayoutFile("tax_income_report.csv", "給与・公的年金等支払報告書",
            "tax_income_report", "tax", "取り込んだ支払報告書の1行ごとに1行（個人住民税）。訂正は新しい行で表す（追記のみ）。"
                    + "第1.1版から。",
            List.of(
                    req("課税年度", "tax_year", INTEGER, "年度（西暦）"),
                    req("報告書番号", "report_no", INTEGER, "年度ごとの取込みの連番"),
                    code("報告書の種類", "kind", INCOME_REPORT_KIND, true, ""),
                    req("宛名番号", "atena_no", TEXT, "報告書に記載のとおり（住民でない者を含みうるため参照の検査はしない）"),
                    req("支払者番号", "payer_no", TEXT, "特別徴収義務者の番号"),
                    req("支払者名称", "payer_name", TEXT, ""),
                    req("支払金額", "revenue", INTEGER, "円"),
                    req("社会保険料等の金額", "social_insurance", INTEGER, "円"),
                    req("新生命保険料の金額", "life_new_general", INTEGER, "円"),
                    req("旧生命保険料の金額", "life_old_general", INTEGER, "円"),
                    req("介護医療保険料の金額", "life_care_medical", INTEGER, "円"),
                    req("新個人年金保険料の金額", "life_new_pension", INTEGER, "円"),
                    req("旧個人年金保険料の金額", "life_old_pension", INTEGER, "円"),
                    req("地震保険料の金額", "earthquake_insurance", INTEGER, "円"),
                    req("旧長期損害保険料の金額", "old_long_term", INTEGER, "円"),
                    opt("配偶者の生年月日", "spouse_birth_date", DATE, ""),
                    opt("配偶者の合計所得", "spouse_income", INTEGER, "円"),
                    req("扶養親族", "dependants", TEXT, "取込みファイルの記載のとおり（生年月日:所得 の並び）"),
                    req("普通徴収", "ordinary_collection", FLAG, "普通徴収を希望するもの"),
                    req("取込みファイル名", "source_file", TEXT, ""),
                    req("取込みファイルの行番号", "line_no", INTEGER, ""),
                    req("取込日時", "imported_at", TIMESTAMP, ""),
                    req("取込者", "imported_by", TEXT, "")),
            List.of("tax_year", "report_no"), List.of(), List.of(), null, LayoutFile.GENERATION, List.of());

    public static final LayoutFile TAX_RETURN = new LayoutFile("tax_return.csv", "住民税の申告", "tax_return", "tax",
            "窓口で受け付けた申告（地方税法第317条の2）の改訂ごとに1行（追記のみ）。最新の改訂がその人の支払報告書に代わる。"
                    + "第1.1版から。",
            List.of(
                    req("課税年度", "tax_year", INTEGER, "年度（西暦）"),
                    req("宛名番号", "atena_no", ATENA_NO, "賦課期日に住民であった者"),
                    req("改訂番号", "revision", INTEGER, "課税年度・宛名番号ごとに1から"),
                    req("申告内容", "content", JSON, "計算の入力（所得・控除）"),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("tax_year", "atena_no", "revision"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")),
            new LayoutFile.Sequence(List.of("tax_year", "atena_no"), "revision"), LayoutFile.GENERATION, List.of());

    public static final LayoutFile TAX_ASSESSMENT = new LayoutFile("tax_assessment.csv", "個人住民税の賦課", "tax_assessment",
            "tax", "賦課の版ごとに1行（当初賦課、更正は新しい版、追記のみ）。各版は計算の入力・結果とルールの版を"
                    + "そのまま持ち、後年に同じ計算をやり直せる。第1.1版から。",
            List.of(
                    req("課税年度", "tax_year", INTEGER, "年度（西暦）"),
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("版番号", "version", INTEGER, "課税年度・宛名番号ごとに1から"),
                    req("賦課の事由", "reason", TEXT, "当初賦課・更正の理由"),
                    req("ルールの版", "rule_version", TEXT, "計算に使った税制ルールの版（例 FY2026.1）"),
                    req("計算の入力", "input", JSON, "Kiban が記録した文字列のまま（空白・項目の順を含む）"),
                    req("計算の結果", "result", JSON, "Kiban が記録した文字列のまま"),
                    req("合計所得金額", "total_income", INTEGER, "円"),
                    code("非課税区分", "exemption", EXEMPTION, true, ""),
                    req("年税額", "annual_total", INTEGER, "円"),
                    code("徴収方法", "collection", TAX_COLLECTION, true, "公的年金等から特別徴収する分を除く税額の徴収方法"),
                    opt("特別徴収義務者番号", "payer_no", TEXT, "給与からの特別徴収のとき"),
                    req("各期の税額", "installments", INTEGER_LIST, "円。特別徴収は6月〜翌年5月の12回、普通徴収は各期"),
                    req("賦課日時", "assessed_at", TIMESTAMP, ""),
                    req("賦課者", "assessed_by", TEXT, ""),
                    code("公的年金等特別徴収", "pension_collection", PENSION_COLLECTION, false, "空は公的年金等からの特別徴収なし"),
                    opt("公的年金等特別徴収税額", "pension_amount", INTEGER, "円。公的年金等に係る所得に対応する税額"),
                    opt("公的年金等特別徴収の各月の税額", "pension_installments", INTEGER_LIST,
                            "円。4月・6月・8月・10月・12月・2月の6回")),
            List.of("tax_year", "atena_no", "version"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")),
            new LayoutFile.Sequence(List.of("tax_year", "atena_no"), "version"), LayoutFile.GENERATION, List.of());

    public static final LayoutFile CARE_INSURED = new LayoutFile("care_insured.csv", "介護保険第1号被保険者",
            "care_insured", "care", "第1号被保険者の資格の現在の状態ごとに1行（資格喪失した者を含む）。異動の履歴は"
                    + "介護保険資格異動ファイルにある。第1.1版から。",
            List.of(
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("被保険者番号", "insured_no", TEXT, "10桁の連番"),
                    opt("生年月日", "birth_date", DATE, "資格取得時の西暦の生年月日（不詳日のときは空）"),
                    code("資格状態", "status", CARE_INSURED_STATUS, true, ""),
                    req("資格取得年月日", "eligible_from", DATE, ""),
                    opt("資格喪失年月日", "eligible_until", DATE, ""),
                    req("住所地特例", "address_exception", FLAG, "住所地特例によりこの保険者の被保険者であるもの"),
                    req("最新の異動番号", "last_seq", INTEGER, "介護保険資格異動ファイルの宛名番号ごとの最大の異動番号")),
            List.of("atena_no"), List.of(List.of("insured_no")),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")), null, LayoutFile.GENERATION,
            List.of("care_counter（被保険者番号の連番）"));

    public static final LayoutFile CARE_INSURED_EVENT_FILE = new LayoutFile("care_insured_event.csv", "介護保険資格異動",
            "care_insured_event", "care", "資格の取得・喪失・住所地特例ごとに1行（追記のみ）。第1.1版から。",
            List.of(
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("異動番号", "seq", INTEGER, "宛名番号ごとに1から"),
                    code("資格異動", "kind", CARE_INSURED_EVENT, true, ""),
                    req("異動年月日", "effective_on", DATE, ""),
                    req("異動の理由", "reason", TEXT, ""),
                    opt("届出番号", "notification_no", INTEGER, "異動のもとになった住民異動の届出番号"),
                    opt("備考", "note", TEXT, ""),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("atena_no", "seq"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "care_insured.csv", "atena_no")),
            new LayoutFile.Sequence("atena_no", "seq"), LayoutFile.GENERATION, List.of());

    public static final LayoutFile CARE_SPECIAL_STATUS_FILE = new LayoutFile("care_special_status.csv",
            "介護保険の適用除外・住所地特例", "care_special_status", "care",
            "適用除外施設への入所、他の保険者の住所地特例による入所、住所地特例ごとに1行（終了したものを含む）。第1.1版から。",
            List.of(
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("番号", "seq", INTEGER, "宛名番号ごとの連番"),
                    code("区分", "kind", CARE_SPECIAL_STATUS, true, ""),
                    req("施設名", "facility_name", TEXT, ""),
                    code("施設種別", "facility_kind", CARE_FACILITY_KIND, true, ""),
                    req("開始年月日", "from_on", DATE, ""),
                    opt("終了年月日", "until_on", DATE, ""),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("atena_no", "seq"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")), null, LayoutFile.GENERATION, List.of());

    public static final LayoutFile CARE_PREMIUM_STAGE_TABLE = new LayoutFile("care_premium_stage_table.csv",
            "介護保険料の段階表", "care_premium_stage_table", "care",
            "保険料条例の所得段階の表の、適用する年度・改訂ごとに1行（追記のみ、docs/care/premium-stages.md の形式）。第1.1版から。",
            List.of(
                    req("年度", "fiscal_year", INTEGER, "適用する年度（西暦）"),
                    req("改訂番号", "revision", INTEGER, "年度ごとに1から"),
                    req("段階表", "stage_table", JSON, ""),
                    req("理由", "reason", TEXT, ""),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("fiscal_year", "revision"), List.of(), List.of(),
            new LayoutFile.Sequence("fiscal_year", "revision"), LayoutFile.GENERATION, List.of());

    public static final LayoutFile CARE_TAX_RESULT = new LayoutFile("care_tax_result.csv", "介護保険の課税情報",
            "care_tax_result", "care", "個人住民税の賦課から受け取った本人課税と所得の版ごとに1行（追記のみ）。第1.1版から。",
            List.of(
                    req("課税年度", "tax_year", INTEGER, "年度（西暦）"),
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("版番号", "version", INTEGER, "課税年度・宛名番号ごとに1から"),
                    req("本人課税", "taxed", FLAG, ""),
                    req("合計所得金額", "total_income", INTEGER, "円"),
                    req("公的年金等の収入金額", "pension_revenue", INTEGER, "円"),
                    req("公的年金等に係る所得", "pension_income", INTEGER, "円"),
                    opt("理由", "reason", TEXT, ""),
                    req("記録日時", "recorded_at", TIMESTAMP, "")),
            List.of("tax_year", "atena_no", "version"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")), null, LayoutFile.GENERATION, List.of());

    public static final LayoutFile CARE_PREMIUM_ASSESSMENT = new LayoutFile("care_premium_assessment.csv",
            "介護保険料の賦課", "care_premium_assessment", "care",
            "第1号保険料の年度・被保険者ごとの版ごとに1行（当初賦課、再計算は理由を付けた新しい版、追記のみ）。第1.1版から。",
            List.of(
                    req("年度", "fiscal_year", INTEGER, "年度（西暦）"),
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("版番号", "version", INTEGER, "年度・宛名番号ごとに1から"),
                    req("所得段階", "stage", INTEGER, ""),
                    req("基準額に対する割合", "multiplier", DECIMAL, "小数4桁"),
                    req("年額保険料", "full_year_premium", INTEGER, "円（12か月分）"),
                    req("賦課額", "annual_premium", INTEGER, "円（資格のある月数分）"),
                    req("月数", "months", INTEGER, ""),
                    req("本人課税", "taxed", FLAG, ""),
                    opt("世帯番号", "household_no", TEXT, "判定に使った世帯"),
                    req("世帯員の課税状況", "household", JSON, "判定に使った世帯員"),
                    req("世帯課税", "household_taxed", FLAG, ""),
                    req("所得把握", "income_known", FLAG, "所得が分かっているもの"),
                    code("徴収方法", "collection", CARE_PREMIUM_COLLECTION, true, ""),
                    req("各期の保険料", "installments", JSON, ""),
                    req("賦課の事由", "reason", TEXT, ""),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("fiscal_year", "atena_no", "version"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no")),
            new LayoutFile.Sequence(List.of("fiscal_year", "atena_no"), "version"), LayoutFile.GENERATION, List.of());

    public static final LayoutFile CARE_CERTIFICATION_CASE = new LayoutFile("care_certification_case.csv",
            "要介護認定の申請", "care_certification_case", "care",
            "要介護認定の申請（新規・更新・区分変更）ごとに1行。その現在の状態（経過は要介護認定の経過ファイル）。第1.1版から。",
            List.of(
                    req("申請番号", "case_no", INTEGER, "団体内の連番"),
                    req("宛名番号", "atena_no", ATENA_NO, "被保険者"),
                    code("申請区分", "kind", CERTIFICATION_KIND, true, ""),
                    req("申請年月日", "applied_on", DATE, ""),
                    req("処理期限", "deadline_on", DATE, "申請から30日"),
                    code("進捗", "status", CERTIFICATION_STATUS, true, ""),
                    opt("認定調査年月日", "surveyed_on", DATE, ""),
                    opt("主治医意見書受領年月日", "opinion_on", DATE, ""),
                    code("一次判定結果", "primary_level", CARE_LEVEL, false, ""),
                    code("審査会判定結果", "board_level", CARE_LEVEL, false, ""),
                    opt("審査会年月日", "board_on", DATE, ""),
                    code("要介護状態区分", "decided_level", CARE_LEVEL, false, "認定した区分"),
                    opt("認定年月日", "decided_on", DATE, ""),
                    opt("有効期間の開始日", "valid_from", DATE, ""),
                    opt("有効期間の満了日", "valid_until", DATE, ""),
                    opt("通知年月日", "notified_on", DATE, ""),
                    opt("処理見込期日", "postponed_until", DATE, "延期通知のとき"),
                    opt("前回の申請番号", "previous_case_no", INTEGER, "更新・区分変更のとき")),
            List.of("case_no"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "care_insured.csv", "atena_no"),
                    new LayoutFile.Reference("previous_case_no", "care_certification_case.csv", "case_no")), null, LayoutFile.GENERATION,
            List.of("care_certification_counter（申請番号の連番）"));

    public static final LayoutFile CARE_CERTIFICATION_STEP = new LayoutFile("care_certification_step.csv",
            "要介護認定の経過", "care_certification_step", "care", "申請ごとの経過（申請・調査・意見書・判定・審査会・認定・通知・延期）"
                    + "ごとに1行（追記のみ）。第1.1版から。",
            List.of(
                    req("申請番号", "case_no", INTEGER, ""),
                    req("経過番号", "seq", INTEGER, "申請番号ごとに1から"),
                    code("経過", "step", CERTIFICATION_STEP, true, ""),
                    req("年月日", "on_date", DATE, ""),
                    req("内容", "detail", JSON, "区分・理由など"),
                    req("記録日時", "recorded_at", TIMESTAMP, ""),
                    req("記録者", "recorded_by", TEXT, "")),
            List.of("case_no", "seq"), List.of(),
            List.of(new LayoutFile.Reference("case_no", "care_certification_case.csv", "case_no")),
            new LayoutFile.Sequence("case_no", "seq"), LayoutFile.GENERATION, List.of());

    public static final LayoutFile CARE_ELIGIBILITY_CERTIFICATE = new LayoutFile("care_eligibility_certificate_issue.csv",
            "受給資格証明書の交付", "care_eligibility_certificate_issue", "care",
            "転出した被保険者に交付した受給資格証明書（介護保険法第36条）ごとに1行（追記のみ）。第1.1版から。",
            List.of(
                    req("宛名番号", "atena_no", ATENA_NO, ""),
                    req("申請番号", "case_no", INTEGER, "証明した認定の申請"),
                    req("交付日時", "issued_at", TIMESTAMP, ""),
                    req("交付者", "issued_by", TEXT, "")),
            List.of("atena_no", "issued_at"), List.of(),
            List.of(new LayoutFile.Reference("atena_no", "resident.csv", "atena_no"),
                    new LayoutFile.Reference("case_no", "care_certification_case.csv", "case_no")), null, LayoutFile.GENERATION, List.of());

    /** In import order: a file's references point to files before it (or to itself). */
    public static final List<LayoutFile> FILES = List.of(HOUSEHOLD, NOTIFICATION, RESIDENT, PROTECTION_MEASURE,
            PROTECTION_RELEASE, MOVE_IN_NOTICE, ADULT_GUARDIANSHIP, SEAL, CERTIFICATE_ISSUE, PARAMETER, TAX_INCOME_REPORT,
            TAX_RETURN, TAX_ASSESSMENT, CARE_INSURED, CARE_INSURED_EVENT_FILE, CARE_SPECIAL_STATUS_FILE,
            CARE_PREMIUM_STAGE_TABLE, CARE_TAX_RESULT, CARE_PREMIUM_ASSESSMENT, CARE_CERTIFICATION_CASE, CARE_CERTIFICATION_STEP,
            CARE_ELIGIBILITY_CERTIFICATE);

    /** The files added in version 1.1: a 1.0 file set has none of them, and imports as if they were empty. */
    public static final List<LayoutFile> ADDED_IN_1_1 = List.of(MOVE_IN_NOTICE, ADULT_GUARDIANSHIP, TAX_INCOME_REPORT,
            TAX_RETURN, TAX_ASSESSMENT, CARE_INSURED, CARE_INSURED_EVENT_FILE, CARE_SPECIAL_STATUS_FILE,
            CARE_PREMIUM_STAGE_TABLE, CARE_TAX_RESULT, CARE_PREMIUM_ASSESSMENT, CARE_CERTIFICATION_CASE, CARE_CERTIFICATION_STEP,
            CARE_ELIGIBILITY_CERTIFICATE);

    private StandardLayout() {
    }

    /** The files of a file set of {@code version}, in import order; null for a version an import does not accept. */
    public static List<LayoutFile> files(String version) {
        if (VERSION.equals(version)) {
            return FILES;
        }
        if (VERSION_1_0.equals(version)) {
            return FILES.stream().filter(f -> !ADDED_IN_1_1.contains(f)).toList();
        }
        return null;
    }

    public static LayoutFile file(String name) {
        return FILES.stream().filter(f -> f.file().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }
}
