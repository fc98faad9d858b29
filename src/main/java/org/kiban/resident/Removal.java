package org.kiban.resident;

/**
 * The 除票 items of a removed record (standards.md §1.4): why, when (for a 転出 the planned date), and where to.
 *
 * @param reason                 消除事由
 * @param removedOn              事由の生じた年月日, as written
 * @param destination            転出先住所 (予定)
 * @param destinationCode        its 住所コード or 全国地方公共団体コード
 * @param plannedMoveOutOn       転出予定年月日 (ISO date) for a 転出
 */
public record Removal(ChangeReason reason, String removedOn, String destination, String destinationCode,
                      String plannedMoveOutOn) {
}
