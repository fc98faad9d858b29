package org.kiban.insight.internal;

import java.time.LocalDate;

import org.kiban.parameter.ParameterClass;

/**
 * A registered extension of a tenant: code beyond the standard (a Java SPI implementation), a customization.
 *
 * @param extensionPoint the SPI it implements, e.g. {@code certificate.FormLayout}
 * @param linesOfCode    its size in lines of code (non-blank, non-comment), as counted when it was registered
 * @param activeTo       the first day it is no longer in use, or null
 */
public record Extension(String lgCode, String extensionId, String name, String extensionPoint,
                        ParameterClass parameterClass, int linesOfCode, LocalDate activeFrom, LocalDate activeTo,
                        String reason) {

    public boolean activeOn(LocalDate day) {
        return !activeFrom.isAfter(day) && (activeTo == null || activeTo.isAfter(day));
    }
}
