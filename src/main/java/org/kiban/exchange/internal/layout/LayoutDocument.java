package org.kiban.exchange.internal.layout;

import java.util.stream.Collectors;

/**
 * The published layout ({@code docs/exchange/layout.md}), generated from {@link StandardLayout}: a test fails when the
 * committed document differs, so the document cannot drift from what export and import do.
 */
public final class LayoutDocument {

    private LayoutDocument() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(StandardLayout.NAME).append(" 第").append(StandardLayout.VERSION).append("版\n\n");
        md.append("""
                <!-- Generated from org.kiban.exchange.internal.layout.StandardLayout by LayoutDocumentTest; do not edit. -->

                Kiban が団体（テナント）ごとに保持するデータ一式を、移行（五月雨方式の取り込み、他の環境への移動、契約終了時の
                全件書き出し）と他システムへの提供のために書き出し・取り込みする形式です（住民記録システム標準仕様書 1.13
                「移行」、中間標準レイアウト仕様）。項目名は標準仕様書の管理項目と中間標準レイアウトの名称に合わせています。

                ## 共通の決まり

                - 1エンティティ1ファイル。文字コードは UTF-8（BOM なし）、改行は LF。CSV の引用は RFC 4180 のとおり
                  （区切り・引用符・改行を含む値だけを `"` で囲み、`"` は `""` と書く）。
                - 1行目は項目名（下の表の順）。2行目から1行1件。
                - 値がない（NULL）ときは何も書かない。空文字列は `""` と書く（区別して取り込む）。
                - 氏名・住所などの文字は記録されたコードポイントのまま（補助漢字 𠮷 や異体字セレクタ IVS を含む）。
                - 行はキーの順。同じデータからは同じバイト列になる（書き出し日時を除く）。
                - `manifest.json`: レイアウト名・版、団体コード、全件（`full`）か差分（`delta`）か、差分の起点（`since`）と
                  次の起点（`cursor`）、書き出し日時、ファイルごとの件数・バイト数・SHA-256。
                - 差分: `cursor` は `n<届出番号>-c<交付連番>-g<書き出し世代>`。差分には、異動届・住民は起点の届出番号より
                  後の届出のもの、交付履歴は起点の交付連番より後のものだけが入る。その他のファイル（世帯・支援措置・転入通知・
                  成年被後見人・印鑑登録・パラメータ、個人住民税・介護保険）は、起点の書き出し世代より後に追加・更新された行
                  だけが入る（書き出し世代は Kiban が行を書くたびに記録する内部の番号で、ファイルにはない。書き出しは世代を
                  締めてから読むので、書き出しの後に書かれた行は必ず後の世代になる）。更新された行（世帯の版、支援措置の終了、
                  印鑑登録の廃止、資格・認定の申請・適用除外などの現在の状態）はキーが同じ新しい内容で入るので、受け手は
                  キーで置き換える。これらの行は削除されない。
                - 書き出し世代のない以前の `cursor`（`n<届出番号>-c<交付連番>`）も起点に指定できる。その書き出しがどの
                  行を含んでいたかは分からないので、その差分では書き出し世代で選ぶファイルは全件になる（以前と同じ）。
                - 取り込みは全件（`full`）の組だけを受け付け、空のテナントへ一括で（全部か無しか）反映する。同じ組の
                  再取り込みは何もしない。
                """);
        md.append("- 版: 取り込みは第").append(StandardLayout.VERSION).append("版と第").append(StandardLayout.VERSION_1_0)
                .append("版の組を受け付ける。第").append(StandardLayout.VERSION_1_0).append("版の組には第")
                .append(StandardLayout.VERSION).append("版で加えたファイル（")
                .append(StandardLayout.ADDED_IN_1_1.stream().map(f -> "`" + f.file() + "`").collect(Collectors.joining("・")))
                .append("）がなく、マニフェストにも載っていない。それらは空（0件）として取り込む。\n");
        md.append("""

                ## ファイル一覧

                | ファイル | 内容 | キー | 差分の対象 |
                |---|---|---|---|
                """);
        for (LayoutFile f : StandardLayout.FILES) {
            md.append("| `").append(f.file()).append("` | ").append(f.entity()).append(" | ")
                    .append(f.key().stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・"))).append(" | ")
                    .append(f.deltaColumn() == null ? "全件" : LayoutFile.GENERATION.equals(f.deltaColumn())
                            ? "起点の書き出し世代より後に追加・更新した行" : f.itemOf(f.deltaColumn()).name() + "が起点より後")
                    .append(" |\n");
        }
        for (LayoutFile f : StandardLayout.FILES) {
            md.append("\n## ").append(f.entity()).append("（`").append(f.file()).append("`）\n\n");
            md.append(f.description()).append("\n\n");
            md.append("| # | 項目名 | 型 | 必須 | コード表 | 説明 |\n|---|---|---|---|---|---|\n");
            int n = 1;
            for (Item i : f.items()) {
                md.append("| ").append(n++).append(" | ").append(i.name()).append(" | ").append(i.type().label())
                        .append(" | ").append(i.required() ? "必須" : "").append(" | ")
                        .append(i.codes() == null ? "" : i.codes().id() + " " + i.codes().name()).append(" | ")
                        .append(i.note()).append(" |\n");
            }
            md.append("\n- キー（重複不可）: ")
                    .append(f.key().stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・"))).append('\n');
            for (var u : f.uniques()) {
                md.append("- 重複不可: ").append(u.stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・")))
                        .append('\n');
            }
            for (LayoutFile.Reference r : f.references()) {
                LayoutFile target = StandardLayout.file(r.targetFile());
                md.append("- 参照: ").append(r.columns().stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・")))
                        .append(" は `").append(r.targetFile()).append("` の ")
                        .append(r.targetColumns().stream().map(c -> target.itemOf(c).name()).collect(Collectors.joining("・")))
                        .append(" にあること\n");
            }
            if (f.sequence() != null) {
                md.append("- 連番: ").append(f.itemOf(f.sequence().number()).name()).append(" は ")
                        .append(f.sequence().group().stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・")))
                        .append("ごとに 1 から欠番なし\n");
            }
            if (!f.derived().isEmpty()) {
                md.append("- 取り込み時に Kiban が導出するもの（ファイルにはない）: ").append(String.join("、", f.derived()))
                        .append('\n');
            }
        }
        md.append("\n## 型\n\n| 型 | 書き方 |\n|---|---|\n");
        for (ItemType t : ItemType.values()) {
            md.append("| ").append(t.label()).append(" | ").append(t.format()).append(" |\n");
        }
        md.append("\n## コード表\n\n");
        md.append("""
                全国共通の数値コード（中間標準レイアウトのコード一覧、既存住基システム改造仕様書の異動事由コード・続柄コード）は
                入手できていないため、以下は Kiban のコード表です（レイアウトの版とともに管理）。続柄はコードでなく標準仕様書
                1.1.11 の表記のまま書きます。
                """);
        for (CodeTable t : StandardLayout.CODE_TABLES) {
            md.append("\n### ").append(t.id()).append(' ').append(t.name()).append("\n\n");
            if (!t.note().isEmpty()) {
                md.append(t.note()).append("\n\n");
            }
            md.append("| コード | 名称 |\n|---|---|\n");
            t.codes().forEach(c -> md.append("| ").append(c.code()).append(" | ").append(c.label()).append(" |\n"));
        }
        md.append("""

                ## 書き出さないもの

                - 監査ログ（操作ログ）: 団体の改ざん検知チェーンの一部で、移行先では移行元のログとして別に保管する。
                - 変更フィード: 取り込み後の異動から新しく始まる。
                - 届出の Idempotency-Key: 送信元の再送のための一時的なキー。
                - 団体の署名鍵・職員・事務所・API トークン: 秘密情報、または移行先で設定し直すもの。
                - 検索キー・内部日付・現在の履歴番号・採番の現在値・照合番号の公開情報: 取り込み時に導出する。
                """);
        return md.toString();
    }
}
