package org.kiban.care.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a municipality rounds premiums (its 条例 or practice, never the law): to 1, 10 or 100 yen, down, half up or
 * up, on the annual premium or on the monthly premium (then × 12).
 */
public record Rounding(int unit, Mode mode, Basis basis) {

    public enum Mode {
        DOWN("切捨て", RoundingMode.DOWN), HALF_UP("四捨五入", RoundingMode.HALF_UP), UP("切上げ", RoundingMode.UP);

        private final String label;
        private final RoundingMode rounding;

        Mode(String label, RoundingMode rounding) {
            this.label = label;
            this.rounding = rounding;
        }

        public String label() {
            return label;
        }
    }

    public enum Basis { ANNUAL, MONTHLY }

    public Rounding {
        if (unit != 1 && unit != 10 && unit != 100) {
            throw new CareInputException("rounding.unit", "端数処理の単位は 1、10、100 のいずれかです。");
        }
        if (mode == null) {
            throw new CareInputException("rounding.mode", "端数処理の方法（DOWN、HALF_UP、UP）を指定してください。");
        }
        if (basis == null) {
            throw new CareInputException("rounding.basis", "端数処理の基礎（ANNUAL、MONTHLY）を指定してください。");
        }
    }

    /** Premiums are amounts owed to a public body; positive amounts only, so DOWN is a floor. */
    public long apply(BigDecimal amount) {
        BigDecimal u = BigDecimal.valueOf(unit);
        return amount.divide(u, 0, mode.rounding).multiply(u).longValueExact();
    }

    /** 「10円未満切捨て」 */
    public String describe() {
        return (unit == 1 ? "1円未満" : unit + "円未満") + mode.label();
    }
}
