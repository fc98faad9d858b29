package org.kiban.certificate;

import java.time.LocalDate;
import java.util.List;

/**
 * A 罹災証明書 (災害対策基本法第90条の2), printed in the 統一様式 that 内閣府 set in 令和2年3月 so that staff sent from
 * other municipalities meet the same form everywhere: 世帯主の住所・氏名, 罹災原因, 被災住家の所在地, 住家の被害の程度
 * (every level printed, the determined one marked) and, where recorded, the 浸水区分. The damage is decided by the
 * caller (the 被災者台帳); this module prints, signs, numbers and logs it in the current municipality's name.
 *
 * @param headAtenaNo    the 世帯主 (name and address as the registry holds them today)
 * @param householdNo    the household
 * @param disasterName   e.g. 令和8年11月豪雨
 * @param occurredOn     the day of the disaster (罹災原因: 「…年…月…日の○○による」)
 * @param damagedAddress 被災住家の所在地
 * @param damageLevels   every level of the 認定基準 in order, the determined one checked
 * @param flooding       the 浸水区分 choices, one checked, or empty when not recorded
 * @param requesterName  who asked (the household or its 代理人), for the issuance log
 * @param remarks        備考, or null
 * @param terminal       issuing terminal, or null
 * @param printer        printer, or null
 */
public record DisasterCertificateRequest(String headAtenaNo, String householdNo, String disasterName, LocalDate occurredOn,
                                         String damagedAddress, List<Choice> damageLevels, List<Choice> flooding,
                                         String requesterName, String remarks, String terminal, String printer) {

    /** A printed check box. */
    public record Choice(String label, boolean checked) {
    }
}
