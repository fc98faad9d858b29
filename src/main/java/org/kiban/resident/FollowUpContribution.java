package org.kiban.resident;

import java.util.List;

/**
 * The work another module offers at the counter right after a 異動 is recorded (ワンストップ: 介護保険の資格, 税).
 * A bean in that module, asked after the notification's transaction committed. The screen shows the links only to a
 * clerk with {@link #permission()}; others see the note (the work goes to that office).
 */
public interface FollowUpContribution {

    /** The permission a clerk needs to open the links. */
    String permission();

    /** The follow-ups of one recorded notification; empty when it concerns nothing of this module. */
    List<Item> after(String lgCode, NotificationResult result);

    /**
     * One follow-up.
     *
     * @param label what, Japanese (e.g. 「介護保険の資格を確認する（吉田　健一）」)
     * @param href  the module's screen, or {@code null}
     * @param note  what happens without the clerk, or who does it
     */
    record Item(String label, String href, String note) {
    }
}
