package io.sib2ae.orchestrator.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.sib2ae.orchestrator.manifest.AtomicFiles;

/**
 * Writes a note's keyframes as the original Sib2Ae {@code *_keyframes.json}, keeping both the
 * newer {@code amplitude} curve and the older four mapped channels so either generation of the
 * After Effects scripts can read the file.
 */
public final class KeyframeJsonWriter {

    /* 0–100 curves need no more than this for animation; it keeps 2,200 files small. */
    private static final int CURVE_DECIMALS = 3;
    private static final int FEATURE_DECIMALS = 6;
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};

    /** Format version of the extra fields this writer adds beside the original shape. */
    public static final String GENERATOR = "sib2ae-orchestrator KeyframeExtractor 1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes {@code note} to {@code target} (atomically; parent folders are created). */
    public void write(KeyframeNote note, Path target) {
        AtomicFiles.write(target, toJson(note));
    }

    /** The JSON document as UTF-8 bytes. */
    public byte[] toJson(KeyframeNote note) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            writeDocument(g, note);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialise keyframes of " + note.request().universalId(), e);
        }
        return out.toByteArray();
    }

    private static void writeDocument(JsonGenerator g, KeyframeNote note) throws IOException {
        KeyframeRequest r = note.request();
        KeyframeCurves c = note.curves();
        KeyframeFeatures f = note.features();
        g.writeStartObject();
        g.writeStringField("audio_file", r.audioFileName());
        g.writeFieldName("duration_seconds");
        g.writeNumber(round(note.durationSeconds(), FEATURE_DECIMALS));
        g.writeNumberField("duration_frames", note.durationFrames());
        g.writeFieldName("fps");
        writeCompact(g, r.fps());
        g.writeFieldName("tempo");
        writeCompact(g, r.tempoBpm());
        g.writeFieldName("calculated_start_time");
        g.writeNumber(round(r.calculatedStartTime(), FEATURE_DECIMALS));
        g.writeNumberField("calculated_start_frame", note.calculatedStartFrame());

        g.writeObjectFieldStart("keyframes");
        writePairs(g, "amplitude", c.amplitude());
        writePairs(g, "scale", c.scale());
        writePairs(g, "opacity", c.opacity());
        writePairs(g, "hue", c.hue());
        writePairs(g, "position_x", c.positionX());
        g.writeArrayFieldStart("onset_markers");
        for (int frame : c.onsetFrames()) {
            g.writeNumber(frame);
        }
        g.writeEndArray();
        g.writeEndObject();

        g.writeObjectFieldStart("features");
        writeValues(g, "rms_linear", f.rmsLinear(), FEATURE_DECIMALS);
        writeValues(g, "rms_dbfs", f.rmsDbfs(), FEATURE_DECIMALS);
        writeValues(g, "peak", f.peak(), FEATURE_DECIMALS);
        writeValues(g, "spectral_centroid_hz", f.spectralCentroidHz(), FEATURE_DECIMALS);
        writeValues(g, "zero_crossing_rate", f.zeroCrossingRate(), FEATURE_DECIMALS);
        writeValues(g, "spectral_flux", f.spectralFlux(), FEATURE_DECIMALS);
        g.writeArrayFieldStart("onset");
        for (int k = 0, next = 0; k < f.frameCount(); k++) {
            boolean onset = next < c.onsetFrames().length && c.onsetFrames()[next] == k;
            if (onset) {
                next++;
            }
            g.writeBoolean(onset);
        }
        g.writeEndArray();
        writeValues(g, "amplitude_normalized", c.amplitude(), CURVE_DECIMALS);
        writeValues(g, "amplitude_db_normalized", c.amplitudeDb(), CURVE_DECIMALS);
        writeValues(g, "peak_normalized", c.peak(), CURVE_DECIMALS);
        writeValues(g, "brightness_normalized", c.brightness(), CURVE_DECIMALS);
        writeValues(g, "roughness_normalized", c.roughness(), CURVE_DECIMALS);
        g.writeEndObject();

        g.writeObjectFieldStart("metadata");
        g.writeStringField("universal_id", r.universalId());
        g.writeStringField("note_name", r.noteName());
        g.writeStringField("instrument", r.instrument());
        g.writeNumberField("velocity", r.velocity());
        g.writeFieldName("tempo_bpm");
        writeCompact(g, r.tempoBpm());
        g.writeFieldName("fps");
        writeCompact(g, r.fps());
        g.writeNumberField("sample_rate", note.sampleRate());
        g.writeNumberField("channels", note.channels());
        g.writeNumberField("sample_count", note.sampleCount());
        g.writeStringField("duration_source", note.durationSource());
        g.writeStringField("frame_origin", "frame 0 = note start; absolute comp time = calculated_start_time + frame / fps");
        g.writeStringField("frame_alignment", "frame k covers samples [round(k*sr/fps), round((k+1)*sr/fps))");
        g.writeNumberField("fft_size", note.fftSize());
        g.writeStringField("window", "hann (periodic), zero-padded to fft_size");
        g.writeObjectFieldStart("normalization");
        g.writeStringField("amplitude", "rms / max rms of this note * 100");
        g.writeStringField("amplitude_db", "rms dBFS mapped linearly -60..0 -> 0..100, clamped");
        g.writeStringField("peak", "sample peak * 100 (absolute full scale)");
        g.writeStringField("brightness", "spectral centroid, log scale: 100 Hz -> 0, 1 kHz -> 50, 10 kHz -> 100");
        g.writeStringField("roughness", "100 * sqrt(zero_crossing_rate / 0.5), clamped");
        g.writeStringField("silence", "frames below " + KeyframeMapping.SILENCE_GATE_DBFS
                + " dBFS: centroid, zcr, flux = 0; brightness/roughness hold the last sounding value; dBFS floor "
                + KeyframeMapping.DBFS_FLOOR);
        g.writeStringField("scale", "50 + amplitude (50..150)");
        g.writeStringField("opacity", "20 + 0.8 * amplitude (20..100)");
        g.writeStringField("hue", "3.6 * brightness (0..360)");
        g.writeStringField("position_x", "2 * roughness - 100 (-100..100); 0 for a note that never sounds");
        g.writeStringField("onsets", "spectral flux peak above local median + 0.2 * max flux, 100 ms apart; "
                + "first sounding frame always an onset");
        g.writeEndObject();
        g.writeStringField("generator", GENERATOR);
        g.writeEndObject();

        g.writeStringField("universal_id", r.universalId());
        g.writeStringField("universal_id_short", shortId(r.universalId()));
        g.writeEndObject();
    }

    /** The first four characters of the id, as the original file names and scripts use them. */
    static String shortId(String universalId) {
        return universalId.length() <= 4 ? universalId : universalId.substring(0, 4);
    }

    private static void writePairs(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (int k = 0; k < values.length; k++) {
            g.writeStartArray();
            g.writeNumber(k);
            g.writeNumber(FixedDecimal.format(values[k], CURVE_DECIMALS, true));
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writeValues(JsonGenerator g, String name, double[] values, int decimals) throws IOException {
        g.writeArrayFieldStart(name);
        for (double value : values) {
            g.writeNumber(FixedDecimal.format(value, decimals, true));
        }
        g.writeEndArray();
    }

    /* Whole numbers go out as integers ("fps": 30, "tempo": 100) like the original files. */
    private static void writeCompact(JsonGenerator g, double value) throws IOException {
        double rounded = round(value, FEATURE_DECIMALS);
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            g.writeNumber((long) rounded);
        } else {
            g.writeNumber(rounded);
        }
    }

    private static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            // Jackson would emit NaN/Infinity tokens, which no JSON parser accepts
            throw new IllegalStateException("Non-finite keyframe value " + value);
        }
        double factor = POWERS_OF_TEN[decimals];
        double rounded = Math.round(value * factor) / factor;
        return rounded == 0 ? 0.0 : rounded; // no "-0.0" in the files
    }
}
