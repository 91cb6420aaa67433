package io.sib2ae.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-score file the leader writes under {@code work/runs/<run_id>.json} in distributed mode:
 * which input files the run read and where its output goes. A worker reads the score again from
 * those inputs, through the same reader and coordinator, so every instance holds the one model of
 * the score the leader planned from (the universal IDs are a function of the content). The file
 * exists while the run does; a task whose run has no file any more is stale and dropped. It also
 * names every note as the run does: a new version of a score keeps its previous version's IDs.
 */
public record SharedRun(@JsonProperty("run_id") String runId,
                        @JsonProperty("score_folder") String scoreFolder,
                        @JsonProperty("group_key") String groupKey,
                        @JsonProperty("musicxml") String musicXml,
                        @JsonProperty("midi") String midi,
                        @JsonProperty("svg_pages") List<String> svgPages,
                        @JsonProperty("archive_on_close") boolean archiveOnClose,
                        @JsonProperty("notes") List<NoteIds> notes) {

    /**
     * A note's identity in the run, in the run's order: the coordinator's own IDs, unless the
     * planner gave a new version of the score its previous version's.
     */
    public record NoteIds(@JsonProperty("universal_id") String universalId,
                          @JsonProperty("primary_universal_id") String primaryUniversalId,
                          @JsonProperty("tied_group_id") String tiedGroupId) {
    }

    static SharedRun of(String runId, ScoreRun run) {
        ScoreSet set = run.scoreSet();
        return new SharedRun(runId, run.folder().toAbsolutePath().toString(), set.groupKey(),
                set.musicXml().toAbsolutePath().toString(), set.midi() == null ? null : set.midi().toAbsolutePath().toString(),
                set.svgPages().stream().map(p -> p.toAbsolutePath().toString()).toList(), set.archiveOnClose(),
                run.notes().stream().map(NoteWork::note)
                        .map(n -> new NoteIds(n.universalId(), n.primaryUniversalId(), n.tiedGroupId())).toList());
    }

    /** The coordinator's notes, read again from the inputs, under the identities the run gave them. */
    public List<CoordinatedNote> asPlanned(List<CoordinatedNote> coordinated) {
        if (coordinated.size() != notes.size()) {
            throw new IllegalStateException("The score read again has " + coordinated.size() + " notes, its run planned "
                    + notes.size() + ": its inputs changed on the shared folder");
        }
        List<CoordinatedNote> planned = new ArrayList<>(notes.size());
        for (int i = 0; i < notes.size(); i++) {
            NoteIds ids = notes.get(i);
            planned.add(coordinated.get(i).withIds(ids.universalId(), ids.primaryUniversalId(), ids.tiedGroupId()));
        }
        return planned;
    }

    /** The inputs as the leader's run read them. */
    public ScoreSet scoreSet() {
        return new ScoreSet(groupKey, Path.of(musicXml), midi == null ? null : Path.of(midi),
                svgPages.stream().map(Path::of).toList(), List.of(), archiveOnClose);
    }

    public Path folder() {
        return Path.of(scoreFolder);
    }
}
