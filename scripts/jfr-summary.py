#!/usr/bin/env python3
"""Summarises the jdk.ExecutionSample events of a JFR recording by pipeline activity.

usage: jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | jfr-summary.py [--top N]
       jfr print --events jdk.ThreadCPULoad,jdk.Compilation,jdk.Deoptimization rec.jfr | jfr-summary.py --jvm

Each sample is put in the first category whose marker occurs anywhere in its stack (the rules are
ordered from specific to general), so the table answers "where does the CPU time go" in the terms
of the pipeline: coordination, JSON, SHA-256, WAV writing, Gervill, keyframes, Camel.
"""
import collections
import re
import sys

RULES = [
    ("startup: Camel/JVM boot (main thread before the score)", ["org.apache.camel.main.", "MainSupport"]),
    ("audio: loading a note's SoundFont zones (Lease.prepare)", ["SynthesizerPool$Lease.prepare", "SoundBankPrograms"]),
    ("audio: SF2 parse / pool open", ["SynthesizerPool.tryLoadSoundbank", "SynthesizerPool.open"]),
    ("audio: reset+drain between notes (getVoiceStatus)", ["AudioRenderer.noActiveVoice"]),
    ("audio: reset+drain between notes (synthesis)", ["AudioRenderer.resetAndDrain"]),
    ("audio: tail peak/fade/copy (AudioRenderer own code)", ["RenderedAudio.peak", "AudioRenderer.fadeOut"]),
    ("audio: WAV write (WavFile)", ["WavFile."]),
    ("sha256: verify before work (FileRecords.verified)", ["FileRecords.verified"]),
    ("sha256: record after write (FileRecords.record)", ["FileRecords.record", "FileRecords.sha256"]),
    ("audio: Gervill synthesis of the note", ["AudioRenderer.render", "com.sun.media.sound."]),
    ("keyframes: WAV read / PCM decode", ["KeyframeWavReader", "KeyframePcm", "RenderedAudio.monoSamples"]),
    ("keyframes: FFT (jtransforms)", ["org.jtransforms", "pl.edu.icm.jlargearrays"]),
    ("keyframes: JSON/AE text writing", ["KeyframeJsonWriter", "AfterEffectsKeyframeText"]),
    ("keyframes: analysis (features/curves/onsets)", ["rendering.Keyframe"]),
    ("midi hop", ["MidiHop", "NoteMidiWriter"]),
    ("notehead svg hop", ["notehead."]),
    ("manifest: JSON writes (ManifestStore/Jackson)", ["manifest.ManifestStore", "com.fasterxml.jackson"]),
    ("progress reporting", ["monitoring.ProgressReporter"]),
    ("coordination: MusicXML/MIDI parse + matching", ["orchestrator.coordination.", "orchestrator.intake."]),
    ("circuit breaker (resilience4j)", ["io.github.resilience4j"]),
    ("Camel routing overhead", ["org.apache.camel."]),
]


def jvm_summary(text):
    """Which threads use the machine (the JIT's and GC's included, which execution samples never
    show), and what the JIT compiled and threw away over the recording."""
    loads = collections.defaultdict(list)
    for event in text.split("jdk.ThreadCPULoad {")[1:]:
        thread = re.search(r'eventThread = "([^"]*)"', event)
        user = re.search(r"user = ([\d.]+)%", event)
        system = re.search(r"system = ([\d.]+)%", event)
        if thread and user and system:
            group = re.sub(r"#\d+|\d+$", "#", thread.group(1))
            loads[(group, thread.group(1))].append(float(user.group(1)) + float(system.group(1)))
    by_group = collections.Counter()
    threads_in_group = collections.Counter()
    for (group, _), values in loads.items():
        # ThreadCPULoad is a share of the whole machine, sampled each second
        by_group[group] += sum(values) / len(values)
        threads_in_group[group] += 1
    print("-- by JVM thread (mean share of the machine's CPU while the thread was alive)")
    for group, share in by_group.most_common(10):
        print(f"{share:6.1f}%  {group}  ({threads_in_group[group]} thread(s))")
    compilations = text.split("jdk.Compilation {")[1:]
    long_ones = 0
    for event in compilations:
        took = re.search(r"duration = ([\d.]+) (ms|s)\b", event)
        if took and float(took.group(1)) * (1000 if took.group(2) == "s" else 1) > 100:
            long_ones += 1
    deopts = len(text.split("jdk.Deoptimization {")) - 1
    print(f"-- JIT: {len(compilations)} compilations recorded (the profile settings record those over 100 ms), "
          f"{long_ones} over 100 ms; {deopts} deoptimizations")


def main():
    if "--jvm" in sys.argv:
        jvm_summary(sys.stdin.read())
        return
    top_n = 25
    if "--top" in sys.argv:
        top_n = int(sys.argv[sys.argv.index("--top") + 1])
    text = sys.stdin.read()
    events = text.split("jdk.ExecutionSample {")[1:]
    by_category = collections.Counter()
    by_frame = collections.Counter()
    by_thread = collections.Counter()
    for event in events:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        thread = re.sub(r"#\d+", "#", thread.group(1)) if thread else "?"
        frames = re.findall(r"^\s+([\w$.<>/]+)\(", event, re.M)
        stack = "\n".join(frames)
        category = "other (JDK/JIT/misc)"
        for name, markers in RULES:
            if name.startswith("startup") and thread != "main":
                continue
            if any(marker in stack for marker in markers):
                category = name
                break
        by_category[category] += 1
        by_frame[frames[0] if frames else "?"] += 1
        by_thread[thread] += 1
    total = max(1, len(events))
    print(f"{len(events)} CPU samples")
    print("-- by activity (share of sampled CPU time)")
    for name, count in by_category.most_common():
        print(f"{100.0 * count / total:6.1f}%  {name}")
    print("-- by thread")
    for name, count in by_thread.most_common(8):
        print(f"{100.0 * count / total:6.1f}%  {name}")
    print(f"-- top {top_n} self frames")
    for name, count in by_frame.most_common(top_n):
        print(f"{100.0 * count / total:6.1f}%  {name}")


if __name__ == "__main__":
    main()
