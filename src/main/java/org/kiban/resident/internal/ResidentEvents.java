package org.kiban.resident.internal;

import java.time.LocalDate;
import java.util.List;

import org.kiban.common.ResidentDate;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentEvent;
import org.kiban.resident.ResidentEvent.PersonChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the event of a committed notification. Published inside the notification's transaction, so Spring
 * Modulith's JDBC registry stores it with the change and delivers it after commit, again after a crash.
 */
@Component
class ResidentEvents {

    private final ApplicationEventPublisher publisher;

    ResidentEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    void publish(String lg, long no, NotificationType type, ResidentDate effective, LocalDate notifiedOn, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<PersonChange> persons = rows.stream().map(r -> new PersonChange(r.atenaNo, r.rirekiNo, r.householdNo, r.status,
                r.kind, r.birthExact, r.birthSort, r.addressCode)).toList();
        String date = effective.display();
        LocalDate on = effective.toLocalDate().orElse(null);
        ChangeReason reason = rows.get(0).changeReason;
        ResidentEvent event = switch (type) {
            case MOVE_IN_DOMESTIC, MOVE_IN_FROM_ABROAD, EX_OFFICIO_ENTRY ->
                    new ResidentEvent.ResidentMovedIn(lg, no, reason, date, on, notifiedOn, persons);
            case BIRTH -> new ResidentEvent.ResidentBorn(lg, no, reason, date, on, notifiedOn, persons);
            case MOVE_WITHIN -> new ResidentEvent.ResidentMovedWithin(lg, no, reason, date, on, notifiedOn, persons);
            case MOVE_OUT_DOMESTIC, MOVE_OUT_ABROAD -> new ResidentEvent.ResidentMovedOut(lg, no, reason, date, on, notifiedOn, persons);
            case DEATH -> new ResidentEvent.ResidentDied(lg, no, reason, date, on, notifiedOn, persons);
            case DISAPPEARANCE, EX_OFFICIO_REMOVAL -> new ResidentEvent.ResidentRemoved(lg, no, reason, date, on, notifiedOn, persons);
            case HOUSEHOLD_SPLIT, HOUSEHOLD_MERGE, HOUSEHOLD_CHANGE, HEAD_CHANGE ->
                    new ResidentEvent.HouseholdReorganized(lg, no, reason, date, on, notifiedOn, persons);
            case CANCELLATION -> switch (reason.group()) {
                case ENTRY -> new ResidentEvent.ResidentMovedIn(lg, no, reason, date, on, notifiedOn, persons);
                case REMOVAL -> new ResidentEvent.ResidentRemoved(lg, no, reason, date, on, notifiedOn, persons);
                case AMENDMENT -> new ResidentEvent.ResidentRecordAmended(lg, no, reason, date, on, notifiedOn, persons);
            };
            default -> new ResidentEvent.ResidentRecordAmended(lg, no, reason, date, on, notifiedOn, persons);
        };
        publisher.publishEvent(event);
    }

    /** A 転入 that cites the 転出 of another municipality: its 転入通知 is due. */
    void publishMoveInNotice(MoveInNoticeDue due) {
        publisher.publishEvent(due);
    }
}
