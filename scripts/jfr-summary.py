#!/usr/bin/env python3
"""Summarises the jdk.ExecutionSample events of a JFR recording by pipeline activity.

usage: jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | jfr-summary.py [--top N]

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


def main():
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
