package org.kiban.certificate;

import java.util.List;
import java.util.Set;

/**
 * A request for a certificate.
 *
 * @param form           the form
 * @param householdNo    for a 世帯連記式 copy: the household (all members unless {@code atenaNos} names some)
 * @param atenaNos       the persons (for a 世帯連記式 copy: a subset of the household)
 * @param requester      本人等・第三者・公用
 * @param requesterName  who asks (recorded in the issuance log)
 * @param purpose        why (required for 第三者・公用 requests; recorded)
 * @param include        optional items to print, each only if requested and allowed for the requester
 * @param withHistory    print the history (統合記載欄) of a 個人票
 * @param items          for a 記載事項証明書: the items to certify
 * @param feeExemption   reason to waive the fee (e.g. 公用, 生活保護受給証明), or null
 * @param reissueOf      a 発行番号 to reissue: marked 再交付, printing the state as then issued
 * @param terminal       issuing terminal (発行端末名番号), e.g. 本庁1
 * @param printer        printer number, e.g. プリンタ001
 * @param sealCardNo     for an 印鑑登録証明書: the number of the 印鑑登録証 presented
 */
public record CertificateRequest(CertificateForm form, String householdNo, List<String> atenaNos, RequesterKind requester,
                                 String requesterName, String purpose, Set<OptionalItem> include, Boolean withHistory,
                                 List<OptionalItem> items, String feeExemption, String reissueOf, String terminal,
                                 String printer, String sealCardNo) {

    /** Items the standard lets the requester choose (§1.12). */
    public enum OptionalItem {
        HOUSEHOLD_HEAD_AND_RELATIONSHIP("世帯主・続柄"),
        PERMANENT_DOMICILE("本籍・筆頭者"),
        JUMINHYO_CODE("住民票コード"),
        INDIVIDUAL_NUMBER("個人番号"),
        FOREIGN_ITEMS("国籍・地域、区分、在留資格、在留期間、満了日、在留カード番号"),
        ALIAS_HISTORY("通称の履歴"),
        NAME_KANA("フリガナ"),
        ADDRESS("住所"),
        BIRTH_DATE("生年月日"),
        SEX("性別"),
        BECAME_RESIDENT_ON("住民となった年月日"),
        ADDRESS_SET_ON("住所を定めた年月日"),
        PREVIOUS_ADDRESS("転入前住所");

        private final String label;

        OptionalItem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
