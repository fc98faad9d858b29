package org.kiban.resident;

import java.time.LocalDate;

/**
 * Items of a foreign resident (住民基本台帳法第30条の45): 国籍・地域, 区分 and what the 区分 requires.
 *
 * @param nationality                  国籍・地域
 * @param category                     区分
 * @param statusOfResidence            在留資格 (中長期在留者)
 * @param periodOfStay                 在留期間, e.g. 3年 (中長期在留者); 上陸期間 or 仮滞在期間 for those 区分
 * @param stayExpiresOn                在留期間の満了の日 (西暦)
 * @param residenceCardNo              在留カードの番号 (2 letters, 8 digits, 2 letters)
 * @param specialPermanentResidentCertNo 特別永住者証明書の番号
 * @param foreignResidentSince         外国人住民となった年月日
 */
public record ForeignResidentItems(String nationality, ForeignCategory category, String statusOfResidence,
                                   String periodOfStay, LocalDate stayExpiresOn, String residenceCardNo,
                                   String specialPermanentResidentCertNo, String foreignResidentSince) {
}
