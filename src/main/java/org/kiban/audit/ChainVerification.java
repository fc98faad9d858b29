package org.kiban.audit;

/**
 * Result of checking a tenant's audit chain from its first entry to its head.
 *
 * @param lgCode         the tenant
 * @param intact         whether every entry is present, unaltered and in order
 * @param entriesChecked how many entries were read
 * @param lastSeq        the head's sequence number
 * @param brokenAtSeq    the first entry found wrong, or null
 * @param reason         what is wrong (Japanese), or null
 */
public record ChainVerification(String lgCode, boolean intact, long entriesChecked, long lastSeq, Long brokenAtSeq,
                                String reason) {
}
