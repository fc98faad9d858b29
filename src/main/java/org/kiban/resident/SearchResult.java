package org.kiban.resident;

import java.util.List;

/** A page of search results, sorted by フリガナ (ICU collation ja-x-icu). */
public record SearchResult(long total, int page, int size, List<ResidentView> results) {
}
