package io.sib2ae.orchestrator.aftereffects;

/**
 * Writes data as a JavaScript literal that every engine reads, ExtendScript's ES3 included: plain
 * ASCII (everything else as {@code \\uXXXX}, since After Effects may read the file in the system's
 * code page), numbers with a fixed number of decimals, no trailing commas, and nothing a page's
 * {@code </script>} could end early.
 */
final class ScriptLiteral {

    private final StringBuilder out;

    ScriptLiteral(int capacity) {
        out = new StringBuilder(capacity);
    }

    ScriptLiteral raw(String text) {
        out.append(text);
        return this;
    }

    ScriptLiteral string(String value) {
        if (value == null) {
            out.append("null");
            return this;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }

    /** {@code value} rounded to {@code decimals} places, without trailing zeros or an exponent. */
    ScriptLiteral number(double value, int decimals) {
        if (!Double.isFinite(value) || Math.abs(value) > 1e12) {
            throw new IllegalArgumentException("not a number a comp can hold: " + value);
        }
        long scale = (long) Math.pow(10, decimals);
        long scaled = Math.round(Math.abs(value) * scale);
        if (scaled != 0 && value < 0) {
            out.append('-');
        }
        out.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction != 0) {
            String digits = Long.toString(fraction + scale).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(digits, 0, end);
        }
        return this;
    }

    ScriptLiteral numbers(double[] values, int decimals) {
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            number(values[i], decimals);
        }
        out.append(']');
        return this;
    }

    ScriptLiteral key(String name) {
        out.append(name).append(':');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
