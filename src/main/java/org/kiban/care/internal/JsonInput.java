package org.kiban.care.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object read field by field, every error naming the field's path ({@code person.totalIncome}), unknown
 * fields refused. Decimals are read exactly (0.285 stays 0.285). API and CLI read their input through this.
 */
public final class JsonInput {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JsonNode node;
    private final String path;

    private JsonInput(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static JsonInput parse(String json) {
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? null : MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new CareInputException("(body)", "JSON として読めません（" + e.getOriginalMessage() + "）。");
        }
        if (node == null || !node.isObject()) {
            throw new CareInputException("(body)", "JSON のオブジェクトを送ってください。");
        }
        return new JsonInput(node, "");
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public String path() {
        return path;
    }

    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Refuses fields other than {@code allowed}: a misspelt field must not be silently ignored. */
    public JsonInput only(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String name : node.propertyNames()) {
            if (!ok.contains(name)) {
                throw new CareInputException(pathOf(name), "この項目はありません（使える項目：" + String.join("、", allowed) + "）。");
            }
        }
        return this;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public JsonInput object(String field) {
        JsonNode v = require(field);
        if (!v.isObject()) {
            throw new CareInputException(pathOf(field), "オブジェクトで指定してください。");
        }
        return new JsonInput(v, pathOf(field));
    }

    public List<JsonInput> objects(String field) {
        JsonNode v = require(field);
        if (!v.isArray()) {
            throw new CareInputException(pathOf(field), "配列で指定してください。");
        }
        List<JsonInput> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : v.values()) {
            String p = pathOf(field) + "[" + i++ + "]";
            if (!e.isObject()) {
                throw new CareInputException(p, "オブジェクトで指定してください。");
            }
            out.add(new JsonInput(e, p));
        }
        return out;
    }

    public long yen(String field) {
        JsonNode v = require(field);
        if (!v.isNumber() || !isWhole(v.decimalValue())) {
            throw new CareInputException(pathOf(field), "円単位の整数で指定してください。");
        }
        try {
            return v.decimalValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new CareInputException(pathOf(field), "金額が大きすぎます。");
        }
    }

    public long yen(String field, long otherwise) {
        return has(field) ? yen(field) : otherwise;
    }

    public int integer(String field, int min, int max) {
        long v = yen(field);
        if (v < min || v > max) {
            throw new CareInputException(pathOf(field), min + "〜" + max + " の整数で指定してください。");
        }
        return (int) v;
    }

    public BigDecimal decimal(String field) {
        JsonNode v = require(field);
        if (!v.isNumber()) {
            throw new CareInputException(pathOf(field), "数値で指定してください。");
        }
        return v.decimalValue().stripTrailingZeros();
    }

    public boolean bool(String field) {
        JsonNode v = require(field);
        if (!v.isBoolean()) {
            throw new CareInputException(pathOf(field), "true か false で指定してください。");
        }
        return v.booleanValue();
    }

    public boolean bool(String field, boolean otherwise) {
        return has(field) ? bool(field) : otherwise;
    }

    public String text(String field) {
        JsonNode v = require(field);
        if (!v.isString() || v.stringValue().isBlank()) {
            throw new CareInputException(pathOf(field), "文字列で指定してください。");
        }
        return v.stringValue();
    }

    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String s = text(field);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw new CareInputException(pathOf(field), "次のいずれかで指定してください：" + String.join("、", names));
        }
    }

    /** A yen amount or the text {@code "T1"} (the year's low-income line). */
    public StageTable.Amount amount(String field) {
        JsonNode v = require(field);
        if (v.isString() && "T1".equals(v.stringValue())) {
            return StageTable.Amount.T1;
        }
        long yen = yen(field);
        if (yen < 0) {
            throw new CareInputException(pathOf(field), "0円以上で指定してください。");
        }
        return StageTable.Amount.yen(yen);
    }

    private JsonNode require(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new CareInputException(pathOf(field), "指定してください。");
        }
        return v;
    }

    private static boolean isWhole(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
}
