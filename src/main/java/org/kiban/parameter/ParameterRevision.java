package org.kiban.parameter;

import java.time.Instant;
import java.time.LocalDate;

/** One appended revision of a tenant's parameter value ({@code value} null: back to the standard default). */
public record ParameterRevision(String key, int revision, LocalDate validFrom, Object value, String reason,
                                Instant recordedAt, String recordedBy) {
}
