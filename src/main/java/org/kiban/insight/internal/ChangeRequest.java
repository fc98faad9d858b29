package org.kiban.insight.internal;

import java.time.LocalDate;

import org.kiban.parameter.ParameterClass;

/**
 * A member's change request (カスタマイズ要望) brought to the group, and what became of it.
 *
 * @param topic        what it is about, in words the members compare (e.g. 住民票の写しの手数料)
 * @param parameterKey the catalogue parameter it concerns, or null
 */
public record ChangeRequest(String lgCode, int requestNo, String topic, String parameterKey,
                            ParameterClass parameterClass, LocalDate requestedOn, String description, Status status,
                            String decisionNote) {

    public enum Status {
        REQUESTED("検討中"),
        ACCEPTED_AS_PARAMETER("パラメータで対応"),
        ACCEPTED_AS_EXTENSION("拡張（カスタマイズ）で対応"),
        PROPOSED_TO_STANDARD("標準仕様への提案"),
        REJECTED("対応しない（標準どおり）"),
        WITHDRAWN("取り下げ");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
