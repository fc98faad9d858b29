package org.kiban.care;

import java.time.LocalDate;

/**
 * A person's 第1号被保険者 status changed (取得, 喪失, 住所地特例). Published inside the writing transaction.
 *
 * @param kind ACQUIRED, LOST or ADDRESS_EXCEPTION
 */
public record InsuredStatusChanged(String lgCode, String atenaNo, String kind, LocalDate effectiveOn, String reason) {
}
