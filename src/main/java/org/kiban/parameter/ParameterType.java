package org.kiban.parameter;

/** Value types a parameter can have; values travel as JSON. */
public enum ParameterType {
    INTEGER, DECIMAL, BOOLEAN, TEXT, CHOICE, YEN
}
