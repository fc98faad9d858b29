package org.kiban.tenancy;

import java.util.List;
import java.util.Optional;

/** Lookup of the list of Japanese local governments. */
public interface Municipalities {

    Optional<LocalGovernment> find(String lgCode);

    /** Local governments matching every given criterion (null criteria are ignored), in code order. */
    List<LocalGovernment> search(Query query);

    /** The wards (行政区) of a designated city, in code order. */
    List<LocalGovernment> wardsOf(String lgCode);

    /**
     * @param prefectureCode 2-digit prefecture code
     * @param kinds          kinds to include (empty: every municipality and ward, no prefectures)
     * @param namePrefix     start of the name (異体字-folded)
     * @param kanaPrefix     start of the reading (kana-folded: hiragana or katakana, voicing ignored)
     */
    record Query(String prefectureCode, List<LocalGovernmentKind> kinds, String namePrefix, String kanaPrefix) {
    }
}
