package io.sib2ae.orchestrator.rendering;

/**
 * Plain decimal text of a number rounded to a few decimals: {@code 12.346}, {@code 0.5}, {@code -3.25},
 * never an exponent.
 *
 * <p>A score's keyframe files hold about a million numbers. {@code Double.toString} (and
 * {@code BigDecimal.valueOf}, which calls it) costs several hundred nanoseconds each and, worse, its
 * digit generation is one of the largest methods the JIT compiles again and again on a 2-core machine.
 * Scaling to a long and printing its digits gives the same value, since the rounded double's
 * shortest representation never has more than the kept decimals.
 */
final class FixedDecimal {

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    /* Beyond this the scaled value would not fit a long exactly; no keyframe value comes near it. */
    private static final double LIMIT = 1e12;

    private FixedDecimal() {
    }

    /**
     * {@code value} rounded half away from zero to {@code decimals} places, without trailing zeros.
     *
     * @param keepPointZero whole numbers as {@code 100.0} (the way Java and the JSON files print
     *                      doubles) instead of {@code 100}
     * @throws IllegalStateException for NaN, infinities and magnitudes no keyframe value can have
     */
    static String format(double value, int decimals, boolean keepPointZero) {
        if (!Double.isFinite(value) || Math.abs(value) >= LIMIT) {
            // Jackson would emit NaN/Infinity tokens, which no JSON parser accepts
            throw new IllegalStateException("Non-finite or out-of-range keyframe value " + value);
        }
        long scale = POWERS_OF_TEN[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        StringBuilder text = new StringBuilder(24);
        if (value < 0 && scaled != 0) {
            text.append('-'); // no "-0" for values that round to zero
        }
        text.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction == 0) {
            return keepPointZero ? text.append(".0").toString() : text.toString();
        }
        int digits = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        text.append('.');
        for (long pad = POWERS_OF_TEN[digits - 1]; pad > fraction; pad /= 10) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }
}
