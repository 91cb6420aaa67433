package io.sib2ae.orchestrator.notehead;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 2-D affine transform in SVG's {@code matrix(a,b,c,d,e,f)} form, mapping (x, y) to
 * (a·x + c·y + e, b·x + d·y + f).
 */
public record Matrix(double a, double b, double c, double d, double e, double f) {

    public static final Matrix IDENTITY = new Matrix(1, 0, 0, 1, 0, 0);

    private static final Pattern FUNCTION = Pattern.compile("\\s*([a-zA-Z]+)\\s*\\(([^)]*)\\)\\s*,?");

    /**
     * Parses an SVG transform list; an element's transform applies first its rightmost function,
     * so the functions are multiplied left to right.
     */
    public static Matrix parse(String transformList) {
        if (transformList == null || transformList.isBlank()) {
            return IDENTITY;
        }
        Matrix result = IDENTITY;
        Matcher m = FUNCTION.matcher(transformList);
        int end = 0;
        while (m.lookingAt()) {
            result = result.times(function(m.group(1), numbers(m.group(2), transformList)));
            end = m.end();
            m.region(end, transformList.length());
        }
        if (!transformList.substring(end).isBlank()) {
            throw new IllegalArgumentException("unreadable transform \"" + transformList + "\"");
        }
        return result;
    }

    private static Matrix function(String name, double[] n) {
        return switch (name) {
            case "matrix" -> {
                require(n.length == 6, name);
                yield new Matrix(n[0], n[1], n[2], n[3], n[4], n[5]);
            }
            case "translate" -> {
                require(n.length == 1 || n.length == 2, name);
                yield new Matrix(1, 0, 0, 1, n[0], n.length == 2 ? n[1] : 0);
            }
            case "scale" -> {
                require(n.length == 1 || n.length == 2, name);
                yield new Matrix(n[0], 0, 0, n.length == 2 ? n[1] : n[0], 0, 0);
            }
            case "rotate" -> {
                require(n.length == 1 || n.length == 3, name);
                double r = Math.toRadians(n[0]);
                Matrix rotation = new Matrix(Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0);
                if (n.length == 1) {
                    yield rotation;
                }
                yield new Matrix(1, 0, 0, 1, n[1], n[2]).times(rotation).times(new Matrix(1, 0, 0, 1, -n[1], -n[2]));
            }
            case "skewX" -> {
                require(n.length == 1, name);
                yield new Matrix(1, 0, Math.tan(Math.toRadians(n[0])), 1, 0, 0);
            }
            case "skewY" -> {
                require(n.length == 1, name);
                yield new Matrix(1, Math.tan(Math.toRadians(n[0])), 0, 1, 0, 0);
            }
            default -> throw new IllegalArgumentException("unknown transform function " + name + "()");
        };
    }

    private static void require(boolean ok, String name) {
        if (!ok) {
            throw new IllegalArgumentException("wrong number of arguments to " + name + "()");
        }
    }

    private static double[] numbers(String args, String whole) {
        String trimmed = args.trim();
        if (trimmed.isEmpty()) {
            return new double[0];
        }
        String[] parts = trimmed.split("[\\s,]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("unreadable number in transform \"" + whole + "\"");
            }
        }
        return out;
    }

    /** This transform applied after {@code inner}: the result maps p to this(inner(p)). */
    public Matrix times(Matrix inner) {
        return new Matrix(
                a * inner.a + c * inner.b,
                b * inner.a + d * inner.b,
                a * inner.c + c * inner.d,
                b * inner.c + d * inner.d,
                a * inner.e + c * inner.f + e,
                b * inner.e + d * inner.f + f);
    }

    public double applyX(double x, double y) {
        return a * x + c * y + e;
    }

    public double applyY(double x, double y) {
        return b * x + d * y + f;
    }

    public Matrix inverse() {
        double det = a * d - b * c;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("transform " + this + " cannot be inverted");
        }
        return new Matrix(d / det, -b / det, -c / det, a / det,
                (c * f - d * e) / det, (b * e - a * f) / det);
    }

    /** The factor by which lengths grow, for transforms without shear (the only kind Qt writes). */
    public double uniformScale() {
        return Math.sqrt(Math.abs(a * d - b * c));
    }

    /** The SVG attribute text for this transform. */
    public String toSvg() {
        return String.format(Locale.ROOT, "matrix(%s,%s,%s,%s,%s,%s)",
                num(a), num(b), num(c), num(d), num(e), num(f));
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
