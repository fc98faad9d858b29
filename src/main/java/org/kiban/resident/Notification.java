package org.kiban.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A 届出 or 職権 action on the registry. Every kind shares: {@code type}; {@code effectiveDate}, the 異動日 (a
 * 不詳日 form only for 出生・死亡・失踪); {@code notifiedOn}, the 届出日 (none for 職権 actions);
 * {@code remarks} (留意事項); {@code expectedVersions}, the versions of the households as the clerk saw them
 * (a household changed since answers 409); and {@code acknowledgeWarnings}, set when the clerk has checked what
 * Kiban warned about (a possible duplicate person).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = Notification.Entry.class, names = {"MOVE_IN_DOMESTIC", "MOVE_IN_FROM_ABROAD", "EX_OFFICIO_ENTRY"}),
        @JsonSubTypes.Type(value = Notification.Birth.class, name = "BIRTH"),
        @JsonSubTypes.Type(value = Notification.MoveWithin.class, name = "MOVE_WITHIN"),
        @JsonSubTypes.Type(value = Notification.MoveOut.class, names = {"MOVE_OUT_DOMESTIC", "MOVE_OUT_ABROAD"}),
        @JsonSubTypes.Type(value = Notification.PersonRemoval.class, names = {"DEATH", "DISAPPEARANCE", "EX_OFFICIO_REMOVAL"}),
        @JsonSubTypes.Type(value = Notification.HouseholdReorganization.class,
                names = {"HOUSEHOLD_SPLIT", "HOUSEHOLD_MERGE", "HOUSEHOLD_CHANGE", "HEAD_CHANGE"}),
        @JsonSubTypes.Type(value = Notification.Correction.class,
                names = {"EX_OFFICIO_CORRECTION", "CLERICAL_CORRECTION", "MINOR_CORRECTION"}),
        @JsonSubTypes.Type(value = Notification.NumberChange.class,
                names = {"INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY", "INDIVIDUAL_NUMBER_CHANGE_REQUEST",
                        "INDIVIDUAL_NUMBER_EX_OFFICIO_CORRECTION", "JUMINHYO_CODE_EX_OFFICIO_ENTRY",
                        "JUMINHYO_CODE_CHANGE_REQUEST"}),
        @JsonSubTypes.Type(value = Notification.NameItemChange.class,
                names = {"FORMER_SURNAME_ENTRY", "FORMER_SURNAME_CHANGE", "FORMER_SURNAME_DELETION", "ALIAS_ENTRY",
                        "ALIAS_DELETION"}),
        @JsonSubTypes.Type(value = Notification.Cancellation.class, name = "CANCELLATION")
})
public sealed interface Notification {

    NotificationType type();

    String effectiveDate();

    LocalDate notifiedOn();

    String remarks();

    Map<String, Integer> expectedVersions();

    Boolean acknowledgeWarnings();

    /**
     * 国内転入・国外転入・職権記載: persons enter the registry, into a new household at {@code address} or into
     * the existing household {@code householdNo}. A baby born on the move counts as moving in (§4.1, j560).
     * {@code previousLgCode}, for a 国内転入, is the municipality of the 転出証明書: when it is a Kiban tenant too,
     * its 転入通知 (住民基本台帳法第9条第1項) is delivered to it automatically.
     */
    record Entry(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                 Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                 String householdNo, Address address, Address previousAddress, List<NewPerson> persons,
                 String previousLgCode)
            implements Notification {

        /** Without the municipality moved from. */
        public Entry(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                     Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                     String householdNo, Address address, Address previousAddress, List<NewPerson> persons) {
            this(type, effectiveDate, notifiedOn, remarks, expectedVersions, acknowledgeWarnings, householdNo, address,
                    previousAddress, persons, null);
        }
    }

    /** 出生: a child enters an existing household. {@code effectiveDate} is the birth date. */
    record Birth(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                 Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                 String householdNo, NewPerson person) implements Notification {
    }

    /**
     * 転居: persons move within the municipality. All members: the household moves (a new 世帯番号 when a
     * designated city's ward changes). Some members: they form a new household at the new address, with the
     * given {@code relationships} (one 世帯主).
     */
    record MoveWithin(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                      Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                      List<String> atenaNos, Address address, Map<String, String> relationships)
            implements Notification {
    }

    /** 国内転出・国外転出: {@code effectiveDate} is the 転出予定日; the 除票 dates from it. */
    record MoveOut(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                   Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                   List<String> atenaNos, Address destination, String destinationLgCode) implements Notification {
    }

    /** 死亡・失踪・職権消除 of one person. */
    record PersonRemoval(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                         Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                         String atenaNo) implements Notification {
    }

    /**
     * 世帯分離 ({@code atenaNos} leave {@code householdNo} and form a new household at the same address),
     * 世帯合併 (all of {@code householdNo} joins {@code targetHouseholdNo}), 世帯変更 ({@code atenaNos} move to
     * {@code targetHouseholdNo}), 世帯主変更 ({@code relationships} re-set for every member, one of them 世帯主).
     * None of them changes an address (§4.1 720).
     */
    record HouseholdReorganization(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                                   Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                                   String householdNo, List<String> atenaNos, String targetHouseholdNo,
                                   Map<String, String> relationships) implements Notification {
    }

    /** 職権修正・誤記修正・軽微な修正: a new version with the corrected items; the wrong one stays in history. */
    record Correction(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                      Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                      String atenaNo, PersonChanges changes) implements Notification {
    }

    /** 個人番号 or 住民票コード: its entry, change on request, or correction. */
    record NumberChange(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                        Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                        String atenaNo, String value) implements Notification {
    }

    /** 旧氏 (日本人) or 通称 (外国人): entry, change, deletion. */
    record NameItemChange(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                          Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                          String atenaNo, String value, String kana) implements Notification {
    }

    /** 異動の取消し: undoes notification {@code notificationNo}, if nothing later changed its persons. */
    record Cancellation(NotificationType type, String effectiveDate, LocalDate notifiedOn, String remarks,
                        Map<String, Integer> expectedVersions, Boolean acknowledgeWarnings,
                        Long notificationNo) implements Notification {
    }
}
