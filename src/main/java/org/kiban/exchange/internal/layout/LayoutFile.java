package org.kiban.exchange.internal.layout;

import java.util.List;
import java.util.Optional;

/**
 * One file of the layout: one entity, one Kiban table, a header row of the items' names.
 *
 * @param file        file name in the export directory
 * @param entity      what a row is (Japanese)
 * @param table       Kiban's table (the owning module's; see ADR 0008)
 * @param owner       the module that owns the table
 * @param description for the published layout
 * @param items       the items, in file order
 * @param key         columns that identify a row; rows are written in this order and must be unique
 * @param uniques     other column sets that must be unique within the file
 * @param references  items that must name a row of another (or the same) file
 * @param sequence    a numbering that must run 1, 2, 3 … without gaps within a group (履歴番号 per 宛名番号, 版番号 per
 *                    課税年度・宛名番号), or null
 * @param deltaColumn in a delta export, only rows whose value of this column lies beyond the cursor: an item, or
 *                    {@link #GENERATION}; null: the whole file
 * @param derived     columns Kiban derives on import instead of reading them (documented, not written)
 */
public record LayoutFile(String file, String entity, String table, String owner, String description, List<Item> items,
                         List<String> key, List<List<String>> uniques, List<Reference> references, Sequence sequence,
                         String deltaColumn, List<String> derived) {

    /**
     * The delta column of the files without a number that commits in order (tax, care and the registry's state
     * tables): the export generation Kiban stamps on each row it inserts or updates (ADR 0016), not an item of the file.
     */
    public static final String GENERATION = "export_generation";

    /**
     * The values of {@code columns} of a row of this file must be those of {@code targetColumns} of one row of
     * {@code targetFile}, when the first column is not empty; usually one column.
     */
    public record Reference(List<String> columns, String targetFile, List<String> targetColumns) {

        public Reference {
            columns = List.copyOf(columns);
            targetColumns = List.copyOf(targetColumns);
            if (columns.isEmpty() || columns.size() != targetColumns.size()) {
                throw new IllegalStateException("reference to " + targetFile + ": " + columns + " / " + targetColumns);
            }
        }

        public Reference(String column, String targetFile, String targetColumn) {
            this(List.of(column), targetFile, List.of(targetColumn));
        }

        /** The first column: the item an error names. */
        public String column() {
            return columns.get(0);
        }
    }

    /**
     * {@code number} must be 1..n within each {@code group}: one item (履歴番号 per 宛名番号) or more (版番号 per
     * 課税年度・宛名番号).
     */
    public record Sequence(List<String> group, String number) {

        public Sequence {
            group = List.copyOf(group);
            if (group.isEmpty()) {
                throw new IllegalStateException("sequence " + number + " without a group");
            }
        }

        public Sequence(String group, String number) {
            this(List.of(group), number);
        }
    }

    public Optional<Item> item(String column) {
        return items.stream().filter(i -> i.column().equals(column)).findFirst();
    }

    public Item itemOf(String column) {
        return item(column).orElseThrow(() -> new IllegalStateException(file + " has no item for " + column));
    }

    public List<String> header() {
        return items.stream().map(Item::name).toList();
    }
}
