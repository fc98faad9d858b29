package org.kiban.resident;

/**
 * A person entered into the registry by a 転入, 出生 or 職権記載.
 *
 * @param atenaNo            only for a 再転入: the 宛名番号 of the person's earlier 除票 in this municipality
 * @param kind               日本人 (default) or 外国人
 * @param name               氏名 (漢字; for a foreign resident the name as on the residence card)
 * @param nameKana           フリガナ (katakana)
 * @param nameAlphabet       アルファベット氏名 (外国人)
 * @param formerSurname      旧氏 (日本人)
 * @param formerSurnameKana  its フリガナ
 * @param alias              通称 (外国人)
 * @param aliasKana          its フリガナ
 * @param birthDate          生年月日: 和暦 or a 不詳日 form for 日本人, 西暦 for 外国人
 * @param sex                性別
 * @param relationship       続柄 to the household head
 * @param permanentDomicile  本籍 (日本人; 「なし」「不明」 allowed)
 * @param familyRegisterHead 筆頭者
 * @param becameResidentOn   住民となった年月日 (default: the 異動日)
 * @param juminhyoCode       住民票コード (11 digits)
 * @param individualNumber   個人番号 (12 digits)
 * @param foreign            items of a foreign resident
 */
public record NewPerson(String atenaNo, ResidentKind kind, String name, String nameKana, String nameAlphabet,
                        String formerSurname, String formerSurnameKana, String alias, String aliasKana,
                        String birthDate, Sex sex, String relationship, String permanentDomicile,
                        String familyRegisterHead, String becameResidentOn, String juminhyoCode,
                        String individualNumber, ForeignResidentItems foreign) {
}
