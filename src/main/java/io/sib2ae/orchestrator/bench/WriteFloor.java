package io.sib2ae.orchestrator.bench;

import io.sib2ae.orchestrator.manifest.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The physical floor of writing a score's per-note files: the files an application run wrote for
 * its notes (WAV, MIDI, keyframes in both forms, note manifests, notehead SVGs), read into memory
 * first, then written again the way the hops write them ({@link AtomicFiles}: a temporary sibling
 * and a rename, with a SHA-256 of every file a manifest records), on a few threads, with nothing
 * else done. Beside {@link RenderFloor} it tells how much of a run's time its outputs alone cost.
 *
 * <p>{@code WriteFloor --score-dir DIR --out DIR [--threads N] [--passes P]}: each pass writes into
 * a folder of its own under {@code --out}, which is left in place (deleting thousands of files just
 * before the next pass would charge that pass for it on a file system without a journal). It is a
 * lower bound: a run writes each note's manifest twice (predicted at plan time, final after the
 * hops) and the score index three times, and this writes each file once and the index not at all.
 * Results are printed as {@code writefloor.key=value} lines for scripts.
 */
public final class WriteFloor {

    /** The folders of a score's output that hold one file or more per note. */
    static final List<String> PER_NOTE_FOLDERS = List.of("audio", "midi", "keyframes", "manifests", "svg/noteheads");

    /** What a manifest does not record, written without a checksum as the application writes it. */
    private static final String UNRECORDED_FOLDER = "manifests";

    private WriteFloor() {
    }

    /** One file to write: where it goes under a pass's folder, and its bytes. */
    record OutputFile(String folder, String name, byte[] bytes) {
        boolean recorded() {
            return !folder.equals(UNRECORDED_FOLDER);
        }
    }

    /** Took, in wall and process CPU time, for one pass. */
    record Pass(long wallMillis, long processCpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        Path scoreDir = null;
        Path out = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int passes = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--score-dir" -> scoreDir = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--passes" -> passes = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (scoreDir == null || out == null) {
            System.err.println("usage: WriteFloor --score-dir DIR --out DIR [--threads N] [--passes P]");
            System.exit(2);
        }
        // Reading the files is input preparation, not writing: done before the clock starts.
        List<OutputFile> files = read(scoreDir);
        print("files", files.size());
        print("bytes", files.stream().mapToLong(f -> f.bytes().length).sum());
        print("threads", threads);
        long best = Long.MAX_VALUE;
        long bestCpu = 0;
        for (int pass = 1; pass <= passes; pass++) {
            Pass took = write(files, out.resolve("pass-" + pass), threads);
            print("pass_" + pass + "_ms", took.wallMillis());
            print("pass_" + pass + "_process_cpu_ms", took.processCpuMillis());
            if (took.wallMillis() < best) {
                best = took.wallMillis();
                bestCpu = took.processCpuMillis();
            }
        }
        print("best_ms", best);
        print("best_process_cpu_ms", bestCpu);
    }

    /** Every file of the score's per-note folders, in a fixed order. */
    static List<OutputFile> read(Path scoreDir) throws IOException {
        List<OutputFile> files = new ArrayList<>();
        for (String folder : PER_NOTE_FOLDERS) {
            Path dir = scoreDir.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> listed = Files.list(dir)) {
                for (Path file : listed.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(new OutputFile(folder, file.getFileName().toString(), Files.readAllBytes(file)));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(scoreDir + " holds no per-note files (" + PER_NOTE_FOLDERS + ")");
        }
        return files;
    }

    /** Writes every file under {@code target} on {@code threads} threads, as the hops write them. */
    static Pass write(List<OutputFile> files, Path target, int threads) throws Exception {
        for (String folder : PER_NOTE_FOLDERS) {
            Files.createDirectories(target.resolve(folder));
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            long cpuStart = RenderFloor.processCpuMillis();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        OutputFile file = files.get(i);
                        Path path = target.resolve(file.folder()).resolve(file.name());
                        if (file.recorded()) {
                            AtomicFiles.write(path, file.bytes());
                            AtomicFiles.takeWritten(path); // as the hop's record does: the size and checksum are taken
                        } else {
                            AtomicFiles.writeUnrecorded(path, file.bytes());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return new Pass((System.nanoTime() - start) / 1_000_000, RenderFloor.processCpuMillis() - cpuStart);
        } finally {
            executor.shutdown();
        }
    }

    private static void print(String key, Object value) {
        System.out.println("writefloor." + key + "=" + value);
    }
}
