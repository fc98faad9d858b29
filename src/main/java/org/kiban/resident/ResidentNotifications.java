package org.kiban.resident;

/** Records 届出 and 職権 actions (異動) in the registry of the current tenant. */
public interface ResidentNotifications {

    /** Checks and records {@code notification} as a whole, or changes nothing. */
    NotificationResult submit(Notification notification);

    /** As {@link #submit(Notification)}; a retry with the same {@code idempotencyKey} answers the first result. */
    NotificationResult submit(Notification notification, String idempotencyKey);
}
