package io.sib2ae.orchestrator.aftereffects;

import java.util.List;

/**
 * The colour each instrument's noteheads are drawn in, in the comp and in the preview alike: a
 * fixed palette of well-separated hues taken in score order, so the same score always gets the
 * same colours.
 */
public final class InstrumentColours {

    private static final List<String> PALETTE = List.of(
            "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
            "#469990", "#800000", "#808000", "#000075", "#bfef45", "#fabed4", "#dcbeff", "#ffd8b1");

    private InstrumentColours() {
    }

    /** {@code #rrggbb} for the part at {@code partIndex} in score order (-1 for a part not in the list). */
    public static String hex(int partIndex) {
        return PALETTE.get(Math.floorMod(partIndex, PALETTE.size()));
    }

    /** The same colour as red, green and blue from 0 to 1, as After Effects' colour properties take it. */
    public static double[] rgb(int partIndex) {
        String hex = hex(partIndex);
        return new double[] {Integer.parseInt(hex.substring(1, 3), 16) / 255.0,
                Integer.parseInt(hex.substring(3, 5), 16) / 255.0, Integer.parseInt(hex.substring(5, 7), 16) / 255.0};
    }
}
