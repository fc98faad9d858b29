package org.kiban.platform;

/**
 * Who performs the current unit of work: a staff member at a counter, a system client with an API token,
 * a deployment operator or Kiban itself (batch jobs, start-up). Recorded on every audit entry.
 *
 * @param kind       what sort of actor this is
 * @param id         stable identifier (login name for staff and operators, token id for API clients)
 * @param name       display name
 * @param officeCode the office the staff member works at, or {@code null}
 */
public record Actor(Kind kind, String id, String name, String officeCode) {

    public enum Kind { STAFF, API_CLIENT, OPERATOR, SYSTEM }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "kiban", "Kiban", null);

    public static Actor system(String job) {
        return new Actor(Kind.SYSTEM, job, job, null);
    }

    /** Identifier as written to the audit log and the database session ({@code kind:id}). */
    public String qualifiedId() {
        return kind.name().toLowerCase() + ":" + id;
    }
}
