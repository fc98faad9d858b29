package org.kiban.exchange.internal.layout;

/** How an item is written in a layout file, and what the import accepts. */
public enum ItemType {
    TEXT("文字列", "UTF-8 の文字列（異体字セレクタ・補助漢字を含め、記録されたコードポイントのまま）"),
    INTEGER("整数", "半角数字（符号は - のみ）"),
    DECIMAL("数値", "半角数字と小数点（例 12.5）"),
    DATE("日付", "西暦 YYYY-MM-DD"),
    TIMESTAMP("日時", "YYYY-MM-DDThh:mm:ss.ffffff+09:00（日本時間、マイクロ秒まで）"),
    RESIDENT_DATE("住民記録日付", "和暦の記載どおり（例 平成15年1月7日）。不詳日（令和2年頃、年月日不詳 等）と暦にない日付を含む（標準仕様書 1.1.8）"),
    BIRTH_DATE("生年月日", "日本人は和暦（不詳日を含む）、外国人は西暦（例 1990年4月1日）の記載どおり"),
    CODE("コード", "コード表の値"),
    CODE_LIST("コードの並び", "コード表の値をカンマで区切って並べたもの（空のときは空文字列）"),
    INTEGER_LIST("整数の並び", "半角数字（符号は - のみ）をカンマで区切って並べたもの（空のときは空文字列）。並びの順に意味がある"),
    FLAG("フラグ", "1（該当）または 0（非該当）"),
    ATENA_NO("番号（M11W2-7）", "半角数字、末尾はモジュラス11（ウェイト2〜7）の検査数字（標準仕様書 1.1.13）"),
    JUMINHYO_CODE("住民票コード", "半角数字11桁、検査数字付き"),
    INDIVIDUAL_NUMBER("個人番号", "半角数字12桁、検査数字付き（番号法施行令第8条）"),
    LG_CODE("団体コード", "全国地方公共団体コード6桁、検査数字付き"),
    POSTAL_CODE("郵便番号", "半角数字7桁（ハイフンなし）"),
    RELATIONSHIP("続柄", "世帯主、夫・妻・子 等とそれを「の」でつないだもの（4つまで）、縁故者、同居人（標準仕様書 1.1.11）"),
    JSON("JSON", "JSON の文字列。Kiban が記録したまま（json で記録する項目は空白・項目の順も記録どおり、jsonb で記録する項目は PostgreSQL の正規化した書き方）"),
    BASE64("BASE64", "バイナリを BASE64（改行なし）で表したもの"),
    SHA256("SHA-256", "16進小文字64桁");

    private final String label;
    private final String format;

    ItemType(String label, String format) {
        this.label = label;
        this.format = format;
    }

    public String label() {
        return label;
    }

    public String format() {
        return format;
    }
}
