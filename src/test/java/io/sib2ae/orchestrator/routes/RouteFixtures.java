package io.sib2ae.orchestrator.routes;

import io.sib2ae.orchestrator.TestData;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.intake.Folders;
import io.sib2ae.orchestrator.intake.WorkArea;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.manifest.VersionFolders;
import io.sib2ae.orchestrator.monitoring.ProgressReporter;
import io.sib2ae.orchestrator.run.ManifestPlanner;
import io.sib2ae.orchestrator.run.NoteHops;
import io.sib2ae.orchestrator.run.ScoreCloser;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.run.StopSignal;
import io.sib2ae.orchestrator.score.MidiFileReader;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MxlArchive;
import io.sib2ae.orchestrator.score.ScoreInputReader;
import io.sib2ae.orchestrator.score.ScoreReader;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.camel.spi.Registry;

/** The real beans the route tests wire, on a test's own folders, and SS 9 as it reaches each route. */
final class RouteFixtures {

    private RouteFixtures() {
    }

    static Folders folders(Path root) {
        return Folders.of(root.resolve("inbox").toString(), root.resolve("output").toString(),
                root.resolve("archive").toString(), root.resolve("failed").toString(), root.resolve("work").toString());
    }

    static ScoreReader scoreReader() {
        return new ScoreReader(new ScoreInputReader(64 << 20, new MxlArchive(64 << 20, 100)), new MusicXmlReader(200_000),
                new MidiFileReader(1024, 36_000));
    }

    /** The beans every route's error handling and bookkeeping call, all real. */
    static void bindCommonBeans(Registry registry, Folders folders) {
        ManifestStore manifests = new ManifestStore();
        registry.bind("folders", folders);
        registry.bind("manifestStore", manifests);
        registry.bind("workArea", new WorkArea(folders));
        registry.bind("scoreCloser", new ScoreCloser(manifests, new VersionFolders(folders.output(), folders.work().resolve("versions"))));
        registry.bind("noteHops", new NoteHops(manifests));
        registry.bind("progressReporter", new ProgressReporter(manifests));
        registry.bind("stopSignal", new StopSignal());
        registry.bind("oneVersionAtATime", new io.sib2ae.orchestrator.intake.OneVersionAtATime());
    }

    /** The placeholders the routes use, with short waits. */
    static Properties properties(Folders folders) {
        Properties properties = new Properties();
        properties.put("sib2ae.inbox", folders.inbox().toString());
        properties.put("sib2ae.output", folders.output().toString());
        properties.put("sib2ae.intake.read-lock-min-age-ms", "10");
        properties.put("sib2ae.intake.read-lock-check-interval-ms", "10");
        properties.put("sib2ae.intake.poll-delay-ms", "10");
        properties.put("sib2ae.intake.quiet-period-ms", "200");
        properties.put("sib2ae.intake.exclude", "^\\..*");
        properties.put("sib2ae.intake.enabled", "true");
        properties.put("sib2ae.scores.in-flight", "1");
        properties.put("sib2ae.events.uri", "mock:events");
        return properties;
    }

    /** SS 9's files as handed in (never moved), with or without its SVG page. */
    static ScoreSet ss9(boolean withSvg) {
        return ScoreSet.of(TestData.file("sib2ae/SS 9.musicxml"), TestData.file("sib2ae/SS 9.mid"),
                withSvg ? List.of(TestData.file("sib2ae/SS 9.svg")) : List.of());
    }

    /** SS 9 read, coordinated and planned, as the score route hands it on. */
    static ScoreRun plannedSs9(Folders folders, boolean withSvg) {
        ManifestPlanner planner = new ManifestPlanner(new ManifestStore(), folders.output());
        return planner.plan(new NoteCoordinator().coordinate(scoreReader().read(ss9(withSvg))));
    }
}
