package org.kiban.resident;

/** Records 届出 and 職権 actions (異動) in the registry of the current tenant. */
public interface ResidentNotifications {

    /** Checks and records {@code notification} as a whole, or changes nothing. */
    NotificationResult submit(Notification notification);
}
