package org.kiban.platform;

import java.util.Map;

/**
 * Items an API token can be granted besides its permissions: a module that delivers personal data item by item to
 * other systems (the inquiry API) declares them as a bean of this type, and a token names the items its system may
 * read (e.g. a tax system: 住所 but not the details of a 支援措置). The granted items become authorities
 * {@code item:<name>}.
 */
public interface ApiTokenItems {

    /** The prefix of an item's authority. */
    String AUTHORITY_PREFIX = "item:";

    /** Item names and their Japanese labels, in the order shown. */
    Map<String, String> items();
}
