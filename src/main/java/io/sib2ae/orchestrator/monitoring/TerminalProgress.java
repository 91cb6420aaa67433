package io.sib2ae.orchestrator.monitoring;

import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The one-shot command's progress: a bar per hop on a terminal, plain lines (every 10%)
 * when the output goes to a file or a pipe.
 */
public final class TerminalProgress implements ScoreProgressListener, AutoCloseable {

    private static final List<Stage> HOPS = List.of(Stage.MIDI, Stage.AUDIO, Stage.KEYFRAMES, Stage.SVG);

    private final boolean terminal;
    private final PrintStream out;
    private final Map<Stage, ProgressBar> bars = new LinkedHashMap<>();
    private int lastDecile = -1;

    public TerminalProgress(boolean terminal, PrintStream out) {
        this.terminal = terminal;
        this.out = out;
    }

    @Override
    public synchronized void started(ScoreRun run) {
        int total = run.notes().size();
        if (terminal) {
            for (Stage hop : HOPS) {
                bars.put(hop, new ProgressBarBuilder().setTaskName(String.format("%-9s", hop)).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                        .setConsumer(new ConsoleProgressBarConsumer(out)).build());
            }
        } else {
            out.println(run.scoreName() + ": " + total + " notes");
        }
    }

    @Override
    public synchronized void noteFinished(ScoreRun run, int done) {
        if (terminal) {
            for (Stage hop : HOPS) {
                ProgressBar bar = bars.get(hop);
                if (bar != null) {
                    bar.stepTo(handled(run, hop));
                }
            }
            return;
        }
        int decile = done * 10 / Math.max(1, run.notes().size());
        if (decile != lastDecile) {
            lastDecile = decile;
            StringBuilder line = new StringBuilder(run.scoreName()).append(": ").append(done).append('/')
                    .append(run.notes().size()).append(" notes");
            for (Stage hop : HOPS) {
                line.append(", ").append(hop).append(' ').append(handled(run, hop));
            }
            out.println(line);
        }
    }

    @Override
    public synchronized void finished(ScoreRun run, ScoreStatus status) {
        close();
    }

    @Override
    public synchronized void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }

    private static int handled(ScoreRun run, Stage hop) {
        return run.count(hop, StageState.COMPLETED) + run.count(hop, StageState.SKIPPED)
                + run.count(hop, StageState.FAILED);
    }
}
