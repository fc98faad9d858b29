package org.kiban.exchange.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;

import org.kiban.platform.ProblemException;
import org.kiban.tenancy.MigrationRehearsal;
import org.kiban.tenancy.MigrationRehearsals;
import org.kiban.tenancy.RehearsalOutcome;
import org.springframework.stereotype.Component;

/**
 * A dry-run import of a joining municipality is its 移行リハーサル: the outcome goes into the tenancy module's
 * rehearsal records (the earliest rehearsal still planned, or a new one for today), so the onboarding dashboard shows
 * what really ran. Tenants already live (or gone) keep no rehearsals: their dry runs are only checks.
 */
@Component
public class RehearsalReport {

    private final MigrationRehearsals rehearsals;

    RehearsalReport(MigrationRehearsals rehearsals) {
        this.rehearsals = rehearsals;
    }

    /** Records a dry run's result; empty when the tenant is not joining. */
    public Optional<MigrationRehearsal> record(String lgCode, long rows, long errors, String note) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        try {
            MigrationRehearsal planned = rehearsals.of(lgCode).stream()
                    .filter(r -> r.outcome() == RehearsalOutcome.PLANNED)
                    .min(Comparator.comparing(MigrationRehearsal::plannedOn))
                    .orElseGet(() -> rehearsals.plan(lgCode, today, "取込の検査（--dry-run）"));
            return Optional.of(rehearsals.recordResult(lgCode, planned.seq(),
                    errors == 0 ? RehearsalOutcome.SUCCEEDED : RehearsalOutcome.FAILED, today,
                    (int) Math.min(Integer.MAX_VALUE, rows), (int) Math.min(Integer.MAX_VALUE, errors), note));
        } catch (ProblemException notJoining) {
            return Optional.empty();
        }
    }
}
