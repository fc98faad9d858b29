package org.kiban.exchange.internal.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A code table of the layout: each code written in the files, the value Kiban stores for it and its Japanese name.
 */
public final class CodeTable {

    /** One code. {@code stored} is the value in Kiban's table (an enum name). */
    public record Code(String code, String stored, String label) {
    }

    private final String id;
    private final String name;
    private final String note;
    private final List<Code> codes;
    private final Map<String, String> storedByCode = new HashMap<>();

    CodeTable(String id, String name, String note, List<Code> codes) {
        this.id = id;
        this.name = name;
        this.note = note;
        this.codes = List.copyOf(codes);
        for (Code c : codes) {
            if (storedByCode.put(c.code(), c.stored()) != null) {
                throw new IllegalStateException(name + ": code " + c.code() + " twice");
            }
        }
    }

    /**
     * A table over an enum of a module's public API: {@code codes} gives the code of each constant, in declaration
     * order; a constant without a code fails here, so a new constant cannot silently fall out of the layout.
     */
    static <E extends Enum<E>> CodeTable of(String id, String name, String note, Class<E> type,
                                           Function<E, String> label, String... codes) {
        E[] constants = type.getEnumConstants();
        if (codes.length != constants.length) {
            throw new IllegalStateException(name + ": " + constants.length + " constants of " + type.getSimpleName()
                    + " but " + codes.length + " codes");
        }
        List<Code> list = new ArrayList<>();
        for (int i = 0; i < constants.length; i++) {
            list.add(new Code(codes[i], constants[i].name(), label.apply(constants[i])));
        }
        return new CodeTable(id, name, note, list);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String note() {
        return note;
    }

    public List<Code> codes() {
        return codes;
    }

    /** The stored value of a code, or {@code null} if the code is not in the table. */
    public String storedOf(String code) {
        return storedByCode.get(code);
    }

    /** SQL {@code case} that turns the stored value of {@code expr} into its code (unknown values stay as stored). */
    public String toCodeSql(String expr) {
        StringBuilder sb = new StringBuilder("case ").append(expr);
        for (Code c : codes) {
            sb.append(" when '").append(c.stored()).append("' then '").append(c.code()).append('\'');
        }
        return sb.append(" else ").append(expr).append(" end").toString();
    }
}
