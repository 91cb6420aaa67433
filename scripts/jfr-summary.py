#!/usr/bin/env python3
"""Summarises the jdk.ExecutionSample events of a JFR recording by pipeline activity.

usage: jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | jfr-summary.py [--top N] [WINDOW]
       jfr print --events jdk.ThreadCPULoad,jdk.Compilation,jdk.Deoptimization rec.jfr | jfr-summary.py --jvm [WINDOW]
       jfr print --json --events jdk.ExecutionSample --stack-depth 1 rec.jfr | jfr-summary.py --frames [WINDOW]
WINDOW: --since HH:MM:SS.mmm --until HH:MM:SS.mmm (local time, as jfr print shows it): only the
events that start inside it count, so a recording started with the JVM can be summed up over the
one score that matters. (Start the recording with the JVM rather than with jcmd JFR.start later:
on JDK 17 a recording started in a running JVM throws away all of its compiled code, about 6,000
methods at once, and the profile then shows the interpreter at work, not the steady state.)

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


def in_window(event):
    """Whether an event's startTime lies in the --since/--until window (all do without one)."""
    since = sys.argv[sys.argv.index("--since") + 1] if "--since" in sys.argv else None
    until = sys.argv[sys.argv.index("--until") + 1] if "--until" in sys.argv else None
    if since is None and until is None:
        return True
    found = re.search(r'startTime = (?:\d{4}-\d\d-\d\dT)?(\d\d:\d\d:\d\d(?:\.\d+)?)', event) \
        or re.search(r'"startTime": "\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d(?:\.\d+)?)', event)
    if not found:
        return False
    at = found.group(1)
    return (since is None or at >= since) and (until is None or at <= until)


def frames_summary(text):
    """How the sampled CPU time's top frames ran: interpreted, compiled or inlined."""
    import json
    events = [e for e in json.loads(text)["recording"]["events"]
              if in_window('"startTime": "' + e["values"]["startTime"])]
    kinds = collections.Counter()
    interpreted = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"]
        if not frames:
            continue
        kinds[frames[0]["type"]] += 1
        if frames[0]["type"] == "Interpreted":
            method = frames[0]["method"]
            interpreted[method["type"]["name"].replace("/", ".") + "." + method["name"]] += 1
    total = max(1, sum(kinds.values()))
    print("-- how the sampled top frames ran: " + ", ".join(
        f"{kind} {100.0 * count / total:.1f}%" for kind, count in kinds.most_common()))
    for name, count in interpreted.most_common(5):
        print(f"{100.0 * count / total:6.1f}%  interpreted: {name}")


def jvm_summary(text):
    """Which threads use the machine (the JIT's and GC's included, which execution samples never
    show), and what the JIT compiled and threw away over the recording."""
    loads = collections.defaultdict(list)
    for event in [e for e in text.split("jdk.ThreadCPULoad {")[1:] if in_window(e)]:
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
    compilations = [e for e in text.split("jdk.Compilation {")[1:] if in_window(e)]
    long_ones = 0
    for event in compilations:
        took = re.search(r"duration = ([\d.]+) (ms|s)\b", event)
        if took and float(took.group(1)) * (1000 if took.group(2) == "s" else 1) > 100:
            long_ones += 1
    deopts = len([e for e in text.split("jdk.Deoptimization {")[1:] if in_window(e)])
    print(f"-- JIT: {len(compilations)} compilations recorded (the profile settings record those over 100 ms), "
          f"{long_ones} over 100 ms; {deopts} deoptimizations")


def main():
    if "--jvm" in sys.argv:
        jvm_summary(sys.stdin.read())
        return
    if "--frames" in sys.argv:
        frames_summary(sys.stdin.read())
        return
    top_n = 25
    if "--top" in sys.argv:
        top_n = int(sys.argv[sys.argv.index("--top") + 1])
    text = sys.stdin.read()
    events = [e for e in text.split("jdk.ExecutionSample {")[1:] if in_window(e)]
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
