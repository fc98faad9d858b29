package org.kiban.resident;

import java.util.List;

/**
 * A page of search results, sorted by フリガナ (ICU collation ja-x-icu). {@code truncated}: the criteria match too
 * many persons; the page and total cover the first candidates only, and the clerk should add a criterion.
 */
public record SearchResult(long total, int page, int size, boolean truncated, List<ResidentView> results) {
}
