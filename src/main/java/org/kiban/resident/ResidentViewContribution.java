package org.kiban.resident;

import java.util.List;

/**
 * What another module shows on the counter's resident view: a status flag and a link (介護保険 資格・認定, 税 課税状況).
 * Implement it as a bean in that module; the view asks every contribution inside its own read transaction, under the
 * clerk's tenant. A contribution audits its own reads.
 */
public interface ResidentViewContribution {

    /** The area the flags belong to, as a heading (e.g. 「介護保険」). */
    String area();

    /**
     * The permission a clerk needs to see this area at all (税 status is a tax secret, 地方税法第22条); {@code null}
     * when every clerk of the counter may see it. The view does not ask for the flags of an area the clerk may not see.
     */
    default String permission() {
        return null;
    }

    /** The flags for one person; empty when there is nothing to say. */
    List<Flag> flags(String atenaNo);

    /**
     * One flag.
     *
     * @param label    what it says, Japanese (e.g. 「要介護2（令和9年3月31日まで）」)
     * @param severity {@code info}, {@code warn} or {@code alert} (shown in red)
     * @param href     a screen with the details, or {@code null}
     */
    record Flag(String label, String severity, String href) {
    }
}
