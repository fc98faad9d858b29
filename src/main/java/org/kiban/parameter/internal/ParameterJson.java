package org.kiban.parameter.internal;

import org.kiban.common.InvalidValueException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parameter values as stored: JSON scalars. Numbers are read as BigDecimal so nothing is lost. */
@Component
public class ParameterJson {

    private final JsonMapper mapper;

    ParameterJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    Object read(String text) {
        return toJava(mapper.readTree(text));
    }

    String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        throw new InvalidValueException("invalid-parameter-value", "パラメータの値は数値・真偽値・文字列のいずれかです。");
    }
}
