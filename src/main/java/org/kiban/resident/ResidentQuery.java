package org.kiban.resident;

/**
 * A search of the registry (standard §2.1.2–2.1.3, standards.md §1.11). Every given criterion must hold for one
 * version of the person: past names and addresses match too, and 除票 unless {@code includeRemoved} is false.
 *
 * @param name             氏名, 通称 or 旧氏 (漢字; 異体字 folded, spaces ignored), from the start, or anywhere
 *                         with {@code partial}
 * @param kana             フリガナ (濁点・小書き・長音 ignored), from the start of the full name or of the 名
 * @param birthDate        生年月日 in 西暦 or 和暦
 * @param address          part of the address
 * @param atenaNo          宛名番号
 * @param householdNo      世帯番号
 * @param juminhyoCode     住民票コード
 * @param individualNumber 個人番号 (its use is logged)
 * @param partial          match the name anywhere, not only from its start
 * @param includeRemoved   include 除票
 * @param page             page number from 0
 * @param size             results per page (1 to 100)
 */
public record ResidentQuery(String name, String kana, String birthDate, String address, String atenaNo,
                            String householdNo, String juminhyoCode, String individualNumber, boolean partial,
                            boolean includeRemoved, int page, int size) {
}
