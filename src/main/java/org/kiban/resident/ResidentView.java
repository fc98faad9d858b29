package org.kiban.resident;

/**
 * A person as shown to a user: a version of the record, and the flags every read carries.
 *
 * @param record           the version shown
 * @param removed          whether it is a 除票
 * @param matchedInHistory whether the search matched a past version only (an earlier name or address)
 * @param protectedPerson  whether a 支援措置 protects the person: issuance and inspection are refused
 */
public record ResidentView(ResidentRecord record, boolean removed, boolean matchedInHistory, boolean protectedPerson) {
}
