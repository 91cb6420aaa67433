package io.sib2ae.orchestrator.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-score file the leader writes under {@code work/runs/<run_id>.json} in distributed mode:
 * which input files the run read and where its output goes. A worker reads the score again from
 * those inputs, through the same reader and coordinator, so every instance holds the one model of
 * the score the leader planned from (the universal IDs are a function of the content). The file
 * exists while the run does; a task whose run has no file any more is stale and dropped.
 */
public record SharedRun(@JsonProperty("run_id") String runId,
                        @JsonProperty("score_folder") String scoreFolder,
                        @JsonProperty("group_key") String groupKey,
                        @JsonProperty("musicxml") String musicXml,
                        @JsonProperty("midi") String midi,
                        @JsonProperty("svg_pages") List<String> svgPages,
                        @JsonProperty("archive_on_close") boolean archiveOnClose) {

    static SharedRun of(String runId, ScoreRun run) {
        ScoreSet set = run.scoreSet();
        return new SharedRun(runId, run.folder().toAbsolutePath().toString(), set.groupKey(),
                set.musicXml().toAbsolutePath().toString(), set.midi() == null ? null : set.midi().toAbsolutePath().toString(),
                set.svgPages().stream().map(p -> p.toAbsolutePath().toString()).toList(), set.archiveOnClose());
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
