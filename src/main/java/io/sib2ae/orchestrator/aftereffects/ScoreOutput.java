package io.sib2ae.orchestrator.aftereffects;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a finished score left in its output folder that the comp and the preview are made
 * from: the notes of its final index, its pages, each rendered note's keyframes and each
 * notehead's outline.
 *
 * @param index     the final score index ({@code manifest.json}) as read, for the summary
 * @param keyframes per universal ID of a rendered (primary) note
 * @param outlines  per universal ID of a note whose notehead was found
 * @param partOrder part IDs in score order, which gives each instrument its colour
 */
public record ScoreOutput(Path folder, String scoreName, JsonNode index, List<OutputNote> notes, List<ScorePage> pages,
                          Map<String, NoteKeyframes> keyframes, Map<String, NoteheadOutline> outlines,
                          List<String> partOrder) {

    public ScoreOutput {
        notes = List.copyOf(notes);
        pages = List.copyOf(pages);
        keyframes = Map.copyOf(keyframes);
        outlines = Map.copyOf(outlines);
        partOrder = List.copyOf(partOrder);
    }

    /** The note with this universal ID, or null. */
    public OutputNote note(String universalId) {
        for (OutputNote n : notes) {
            if (n.universalId().equals(universalId)) {
                return n;
            }
        }
        return null;
    }
}
