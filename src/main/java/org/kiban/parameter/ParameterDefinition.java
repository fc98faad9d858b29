package org.kiban.parameter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.kiban.common.InvalidValueException;

/**
 * One entry of the parameter catalogue. Modules declare their parameters as beans of this type.
 *
 * @param key             stable key, {@code area.name} (e.g. {@code security.session-timeout-minutes})
 * @param type            value type
 * @param unit            unit shown beside the value (分, 回, 円 …), or empty
 * @param parameterClass  class in the policy's typology
 * @param legalBasis      the law, ordinance or standard that allows the difference
 * @param description     Japanese description for the screens
 * @param standardDefault the standard's value for a municipality of that profile
 * @param min             smallest allowed (numbers), or null
 * @param max             largest allowed (numbers), or null
 * @param choices         allowed values (CHOICE), with their Japanese labels
 */
public record ParameterDefinition(String key, ParameterType type, String unit, ParameterClass parameterClass,
                                  String legalBasis, String description,
                                  Function<MunicipalityProfile, Object> standardDefault,
                                  BigDecimal min, BigDecimal max, List<Choice> choices) {

    public record Choice(String value, String label) {
    }

    public ParameterDefinition {
        Objects.requireNonNull(key);
        if (!key.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("parameter key must be area.name: " + key);
        }
        Objects.requireNonNull(type);
        Objects.requireNonNull(parameterClass);
        Objects.requireNonNull(standardDefault);
        unit = unit == null ? "" : unit;
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(key + ": a CHOICE parameter needs choices");
        }
    }

    public static ParameterDefinition integer(String key, String unit, ParameterClass cls, String legalBasis,
                                              String description, int standardDefault, int min, int max) {
        return new ParameterDefinition(key, ParameterType.INTEGER, unit, cls, legalBasis, description,
                p -> standardDefault, BigDecimal.valueOf(min), BigDecimal.valueOf(max), null);
    }

    public static ParameterDefinition yen(String key, ParameterClass cls, String legalBasis, String description,
                                          long standardDefault, long min, long max) {
        return new ParameterDefinition(key, ParameterType.YEN, "円", cls, legalBasis, description,
                p -> standardDefault, BigDecimal.valueOf(min), BigDecimal.valueOf(max), null);
    }

    public static ParameterDefinition bool(String key, ParameterClass cls, String legalBasis, String description,
                                           boolean standardDefault) {
        return new ParameterDefinition(key, ParameterType.BOOLEAN, "", cls, legalBasis, description,
                p -> standardDefault, null, null, null);
    }

    public static ParameterDefinition choice(String key, ParameterClass cls, String legalBasis, String description,
                                             Function<MunicipalityProfile, Object> standardDefault, List<Choice> choices) {
        return new ParameterDefinition(key, ParameterType.CHOICE, "", cls, legalBasis, description, standardDefault,
                null, null, choices);
    }

    /** The standard default for a municipality with {@code profile}, checked against this definition. */
    public Object defaultFor(MunicipalityProfile profile) {
        return validate(standardDefault.apply(profile));
    }

    /**
     * Checks {@code value} (as it came from JSON: Number, Boolean or String) and returns it in canonical form
     * (Long for INTEGER and YEN, BigDecimal for DECIMAL, Boolean, String).
     */
    public Object validate(Object value) {
        if (value == null) {
            throw new InvalidValueException("invalid-parameter-value", key + " に値がありません。");
        }
        return switch (type) {
            case INTEGER, YEN -> {
                BigDecimal n = number(value);
                if (n.stripTrailingZeros().scale() > 0) {
                    throw new InvalidValueException("invalid-parameter-value", key + " は整数で指定してください。");
                }
                yield inRange(n).longValueExact();
            }
            case DECIMAL -> inRange(number(value));
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw new InvalidValueException("invalid-parameter-value", key + " は true か false で指定してください。");
                }
                yield b;
            }
            case TEXT -> {
                if (!(value instanceof String s) || s.isBlank() || s.length() > 200) {
                    throw new InvalidValueException("invalid-parameter-value", key + " は1〜200文字の文字列で指定してください。");
                }
                yield s;
            }
            case CHOICE -> {
                if (!(value instanceof String s) || choices.stream().noneMatch(c -> c.value().equals(s))) {
                    throw new InvalidValueException("invalid-parameter-value", key + " は次のいずれかで指定してください："
                            + String.join("、", choices.stream().map(c -> c.value() + "（" + c.label() + "）").toList()));
                }
                yield s;
            }
        };
    }

    private BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new InvalidValueException("invalid-parameter-value", key + " は数値で指定してください。");
    }

    private BigDecimal inRange(BigDecimal n) {
        if ((min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0)) {
            throw new InvalidValueException("invalid-parameter-value",
                    key + " は " + min.toPlainString() + "〜" + max.toPlainString() + unit + " の範囲で指定してください。");
        }
        return n;
    }
}
