package org.kiban.tax;

/** 非課税: which part of the resident tax is not levied (地方税法第295条・附則第3条の3). */
public enum Exemption {
    /** Both levied. */
    NONE,
    /** 所得割 only is not levied (均等割 and 森林環境税 are). */
    INCOME_LEVY,
    /** Neither 所得割 nor 均等割 (nor 森林環境税). */
    ALL
}
