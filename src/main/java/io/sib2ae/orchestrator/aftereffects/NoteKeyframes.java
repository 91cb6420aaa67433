package io.sib2ae.orchestrator.aftereffects;

import java.util.Map;

/**
 * The animation channels of one rendered note, one value per video frame from the note's start,
 * as its keyframes JSON holds them.
 *
 * @param channels channel name ({@code amplitude}, {@code scale}, {@code opacity}, {@code hue},
 *                 {@code position_x}) to one value per frame
 */
public record NoteKeyframes(String file, int fps, int frames, Map<String, double[]> channels) {

    public static final String AMPLITUDE = "amplitude";
    public static final String SCALE = "scale";
    public static final String OPACITY = "opacity";
    public static final String HUE = "hue";
    public static final String POSITION_X = "position_x";

    public NoteKeyframes {
        channels = Map.copyOf(channels);
        for (Map.Entry<String, double[]> c : channels.entrySet()) {
            if (c.getValue().length != frames) {
                throw new IllegalArgumentException(file + ": channel " + c.getKey() + " has " + c.getValue().length
                        + " values for " + frames + " frames");
            }
        }
    }

    /** The channel's values, or null when the file has no such channel. */
    public double[] channel(String name) {
        return channels.get(name);
    }
}
