package org.kiban.resident.internal;

import java.util.List;

/**
 * A 国内転入 recorded in {@code lgCode} cites a 転出 from {@code toLgCode}: that municipality is owed the 転入通知
 * (住民基本台帳法第9条第1項). Carries numbers only; what the notice says is read in the sending tenant's context.
 *
 * @param lgCode         the municipality that recorded the 転入 (the sender)
 * @param notificationNo the 転入's 届出番号 there
 * @param toLgCode       the municipality moved from (the receiver)
 * @param atenaNos       the persons who moved in, 宛名番号 of the sender
 */
public record MoveInNoticeDue(String lgCode, long notificationNo, String toLgCode, List<String> atenaNos) {
}
