package org.kiban.resident;

import java.time.LocalDate;
import java.util.List;

/**
 * A list another module adds to the counter's work lists (e.g. 要介護認定の期限). A bean in that module; the screen asks
 * it inside a read transaction under the clerk's tenant, and only when the clerk has {@link #permission()}.
 */
public interface WorkListContribution {

    /** The list's heading, Japanese (e.g. 「要介護認定の期限」). */
    String heading();

    /** The permission a clerk needs to see the list. */
    String permission();

    /** A screen with the module's own, fuller list (per role, another date), or {@code null}. */
    String moreHref(String lgCode);

    /** What is due on {@code date} or overdue, overdue first. */
    List<Item> items(String lgCode, LocalDate date);

    /**
     * The list as a table of its own columns, for lists that are not work with a due date (the import errors);
     * {@code null}, the default, shows {@link #items} in the standard columns.
     */
    default Table table(String lgCode, LocalDate date) {
        return null;
    }

    /**
     * A list of its own columns.
     *
     * @param columns headings, Japanese
     * @param rows    the cells of each row, one per column
     * @param summary a line under the table (e.g. how many more there are), or {@code null}
     * @param empty   what to say when there are no rows
     * @param links   further screens or downloads, label to address
     */
    record Table(List<String> columns, List<List<Cell>> rows, String summary, String empty,
                 java.util.Map<String, String> links) {
    }

    /** One cell: a text, a link when {@code href} is not {@code null}. */
    record Cell(String text, String href) {

        public static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    /**
     * One piece of work.
     *
     * @param task     what to do (e.g. 「認定調査」)
     * @param assignee who does it (e.g. 「認定調査員」)
     * @param atenaNo  the person it concerns
     * @param subject  the case (e.g. 「申請 12」), a link to {@code href}
     * @param dueOn    the last day
     * @param overdue  past {@code dueOn}
     */
    record Item(String task, String assignee, String atenaNo, String subject, String href, LocalDate dueOn,
                boolean overdue) {
    }
}
