package org.kiban.resident;

/** Records 届出 and 職権 actions (異動) in the registry of the current tenant. */
public interface ResidentNotifications {

    /** Checks and records {@code notification} as a whole, or changes nothing. */
    NotificationResult submit(Notification notification);

    /** As {@link #submit(Notification)}; a retry with the same {@code idempotencyKey} answers the first result. */
    NotificationResult submit(Notification notification, String idempotencyKey);

    /**
     * Checks {@code notification} with every rule {@link #submit} applies and answers what it would record, then
     * rolls everything back: the confirmation sheet the resident checks before the clerk commits. New numbers shown
     * are provisional (drawn again at commit).
     */
    NotificationResult trial(Notification notification);
}
