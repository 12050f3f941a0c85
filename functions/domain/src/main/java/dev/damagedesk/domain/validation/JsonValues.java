package dev.damagedesk.domain.validation;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Reading the values a JSON parser gives (String, Boolean, Number, List, Map, null) without a JSON library. */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * JSON has one number type: 3e5 and 300000.0 are the same whole number as 300000, so those pass;
     * 1.5 does not. Null for anything that is not a whole number.
     */
    public static BigInteger wholeNumber(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigInteger.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger big) {
            return big;
        }
        BigDecimal decimal;
        if (raw instanceof BigDecimal big) {
            decimal = big;
        } else if (raw instanceof Double || raw instanceof Float) {
            double value = ((Number) raw).doubleValue();
            if (!Double.isFinite(value)) {
                return null;
            }
            decimal = new BigDecimal(value);
        } else {
            return null;
        }
        try {
            return decimal.toBigIntegerExact();
        } catch (ArithmeticException fractional) {
            return null;
        }
    }
}
