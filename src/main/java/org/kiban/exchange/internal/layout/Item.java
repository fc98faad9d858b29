package org.kiban.exchange.internal.layout;

/**
 * One item (column) of a layout file.
 *
 * @param name     the standard item name, the file's header (Japanese, as in the 中間標準レイアウト / 基本データリスト)
 * @param column   the column of Kiban's table it is read from and written to
 * @param type     how it is written
 * @param codes    the code table of a {@link ItemType#CODE} or {@link ItemType#CODE_LIST} item, else {@code null}
 * @param required whether it may be empty
 * @param note     what it means, for the published layout
 */
public record Item(String name, String column, ItemType type, CodeTable codes, boolean required, String note) {

    static Item req(String name, String column, ItemType type, String note) {
        return new Item(name, column, type, null, true, note);
    }

    static Item opt(String name, String column, ItemType type, String note) {
        return new Item(name, column, type, null, false, note);
    }

    static Item code(String name, String column, CodeTable codes, boolean required, String note) {
        return new Item(name, column, ItemType.CODE, codes, required, note);
    }
}
