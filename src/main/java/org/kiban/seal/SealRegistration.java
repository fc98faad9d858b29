package org.kiban.seal;

import java.time.LocalDate;

/**
 * A registered seal.
 *
 * @param cardNo          number of the 印鑑登録証 (the card the registrant presents to obtain a certificate)
 * @param sealImage       the 印影 as scanned (PNG)
 * @param abolitionReason why it ended: 申請, 転出, 死亡, 職権
 */
public record SealRegistration(String lgCode, long registrationNo, String atenaNo, String cardNo, byte[] sealImage,
                               String sealSha256, double widthMm, double heightMm, LocalDate registeredOn,
                               boolean active, LocalDate abolishedOn, String abolitionReason) {
}
