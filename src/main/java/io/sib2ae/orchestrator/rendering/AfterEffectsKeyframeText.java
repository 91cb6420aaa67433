package io.sib2ae.orchestrator.rendering;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.sib2ae.orchestrator.manifest.AtomicFiles;

/**
 * Renders a note's amplitude curve as After Effects keyframe clipboard text, so an animator can
 * copy the file's contents and paste them onto a layer carrying a Slider Control effect.
 *
 * <p>Layout follows what After Effects itself puts on the clipboard: tab-indented header
 * fields, a blank line, an {@code Effects} block whose column header is {@code Frame} plus an
 * empty unit column, one {@code \tframe\tvalue\t} row per video frame (trailing tab included),
 * two blank lines, and the end marker. Lines end in CRLF, as AE writes them; AE also accepts LF.
 */
public final class AfterEffectsKeyframeText {

    public static final String HEADER = "Adobe After Effects 8.0 Keyframe Data";
    public static final String END_MARKER = "End of Keyframe Data";
    public static final String EOL = "\r\n";
    /** The pasted keys target the first slider control of the layer. */
    public static final String BLOCK_HEADER = "Effects\tSlider Control #1\tSlider #2";

    /* A slider has no pixel footprint; 100 x 100 is what AE reports for a null-sized source. */
    private static final int SOURCE_SIZE = 100;
    private static final int DECIMALS = 3;

    private AfterEffectsKeyframeText() {
    }

    /** {@code x_keyframes.json} → {@code x_keyframes_ae.txt} in the same folder. */
    public static Path pathBeside(Path json) {
        String name = json.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return json.resolveSibling(stem + "_ae.txt");
    }

    /** Writes the clipboard text of {@code note}'s amplitude curve to {@code target}, atomically. */
    public static void write(KeyframeNote note, Path target) {
        AtomicFiles.write(target, render(note).getBytes(StandardCharsets.UTF_8));
    }

    /** The clipboard text for the note's 0–100 amplitude curve, frames counted from the note start. */
    public static String render(KeyframeNote note) {
        double[] amplitude = note.curves().amplitude();
        StringBuilder text = new StringBuilder(256 + amplitude.length * 16);
        text.append(HEADER).append(EOL)
                .append(EOL)
                .append("\tUnits Per Second\t").append(number(note.request().fps())).append(EOL)
                .append("\tSource Width\t").append(SOURCE_SIZE).append(EOL)
                .append("\tSource Height\t").append(SOURCE_SIZE).append(EOL)
                .append("\tSource Pixel Aspect Ratio\t1").append(EOL)
                .append("\tComp Pixel Aspect Ratio\t1").append(EOL)
                .append(EOL)
                .append(BLOCK_HEADER).append(EOL)
                .append("\tFrame\t").append(EOL);
        for (int k = 0; k < amplitude.length; k++) {
            text.append('\t').append(k).append('\t').append(number(amplitude[k])).append('\t').append(EOL);
        }
        text.append(EOL)
                .append(EOL)
                .append(END_MARKER).append(EOL);
        return text.toString();
    }

    /* Plain decimal, dot separator, no exponent and no trailing zeros: AE's parser wants that. */
    static String number(double value) {
        return FixedDecimal.format(value, DECIMALS, false);
    }
}
