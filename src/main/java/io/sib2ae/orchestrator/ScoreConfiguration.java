package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.intake.Folders;
import io.sib2ae.orchestrator.intake.OneVersionAtATime;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.VersionFolders;
import io.sib2ae.orchestrator.routes.DistributedMode;
import io.sib2ae.orchestrator.run.ManifestPlanner;
import io.sib2ae.orchestrator.run.NoteHops;
import io.sib2ae.orchestrator.run.ScoreCloser;
import io.sib2ae.orchestrator.run.StopSignal;
import io.sib2ae.orchestrator.score.MidiFileReader;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MxlArchive;
import io.sib2ae.orchestrator.score.ScoreInputReader;
import io.sib2ae.orchestrator.score.ScoreReader;
import java.util.concurrent.ExecutorService;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/**
 * The beans of the score route's steps (read, coordinate, plan the manifests, close) with the
 * input limits, the note bookkeeping, and the note workers the splitter runs on.
 */
@Configuration
public class ScoreConfiguration implements CamelConfiguration {

    @BindToRegistry("scoreReader")
    public ScoreReader scoreReader(@PropertyInject("sib2ae.limits.max-file-bytes") long maxFileBytes,
                                   @PropertyInject("sib2ae.limits.max-uncompressed-bytes") long maxUncompressedBytes,
                                   @PropertyInject("sib2ae.limits.max-compression-ratio") int maxCompressionRatio,
                                   @PropertyInject("sib2ae.limits.max-notes") int maxNotes,
                                   @PropertyInject("sib2ae.limits.max-midi-tracks") int maxMidiTracks,
                                   @PropertyInject("sib2ae.limits.max-midi-seconds") double maxMidiSeconds) {
        ScoreInputReader inputs = new ScoreInputReader(maxFileBytes, new MxlArchive(maxUncompressedBytes, maxCompressionRatio));
        return new ScoreReader(inputs, new MusicXmlReader(maxNotes), new MidiFileReader(maxMidiTracks, maxMidiSeconds));
    }

    @BindToRegistry("noteCoordinator")
    public NoteCoordinator noteCoordinator() {
        return new NoteCoordinator();
    }

    @BindToRegistry("manifestStore")
    public ManifestStore manifestStore() {
        return new ManifestStore();
    }

    /** A score's next version is built under {@code work/versions/} and swapped into {@code output/} when it closes. */
    @BindToRegistry(value = "versionFolders", lazy = true)
    public VersionFolders versionFolders(Folders folders) {
        return new VersionFolders(folders.output(), folders.work().resolve("versions"));
    }

    /** Serialises the versions of one score (see ScoreRoutes' one-version-at-a-time). */
    @BindToRegistry("oneVersionAtATime")
    public OneVersionAtATime oneVersionAtATime() {
        return new OneVersionAtATime();
    }

    @BindToRegistry(value = "manifestPlanner", lazy = true)
    public ManifestPlanner manifestPlanner(ManifestStore manifests, VersionFolders versions) {
        return new ManifestPlanner(manifests, versions);
    }

    @BindToRegistry(value = "scoreCloser", lazy = true)
    public ScoreCloser scoreCloser(ManifestStore manifests, VersionFolders versions) {
        return new ScoreCloser(manifests, versions);
    }

    /** Raised when the service begins to stop: scores in work abandon their remaining notes. */
    @BindToRegistry("stopSignal")
    public StopSignal stopSignal() {
        return new StopSignal();
    }

    /** In distributed mode every hop records the instance it ran on. */
    @BindToRegistry(value = "noteHops", lazy = true)
    public NoteHops noteHops(ManifestStore manifests, CamelContext context,
                             @PropertyInject(value = "sib2ae.node.name", defaultValue = "") String node) {
        return new NoteHops(manifests, DistributedMode.on(context) ? BrokerConfiguration.nodeName(node) : null);
    }

    /**
     * A stop of the service raises the stop signal before Camel waits for the exchanges in flight.
     * Not in distributed mode: a note abandoned there would be committed as taken; instead the
     * broker delivers again whatever a stopping worker did not finish and commit.
     */
    @Override
    public void configure(CamelContext context) {
        if (DistributedMode.on(context)) {
            return;
        }
        StopSignal signal = context.getRegistry().lookupByNameAndType("stopSignal", StopSignal.class);
        context.getManagementStrategy().addEventNotifier(new StopOnShutdown(signal));
    }

    /**
     * The bounded pool the per-note splitter runs on: {@code sib2ae.workers} workers, or when that
     * is 0, {@code sib2ae.workers-per-core} per core, one unless a one-shot run asks for two (see
     * {@code OneShotCommand}; a count the user configures wins either way). There are as many synthesizers, so no
     * worker waits for one, and each core runs one note's render and then its analysis; a second
     * worker per core only takes turns with the first and with the JIT. A running service's second
     * score of ActorPreludeSample took 0.94x the time with one per core (median of fourteen
     * alternating pairs, output on tmpfs; ten faster, single pairs from 0.83x to 1.26x).
     * Camel's executor service manager shuts it down with the context.
     */
    @BindToRegistry(value = "noteWorkers", lazy = true)
    public ExecutorService noteWorkers(CamelContext context, @PropertyInject("sib2ae.workers") int workers,
                                       @PropertyInject(value = "sib2ae.workers-per-core", defaultValue = "1") int perCore) {
        int size = workers > 0 ? workers : Math.max(1, perCore) * Runtime.getRuntime().availableProcessors();
        return context.getExecutorServiceManager().newFixedThreadPool(this, "note-worker", size);
    }
}
