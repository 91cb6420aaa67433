package io.sib2ae.orchestrator.coordination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which notes of a new version are the previous version's notes: per part and voice, a longest
 * common subsequence over the notes in notated order on what makes a note the same (onset in its
 * bar, pitch, duration, chord position), then the notes left between two anchors paired by their
 * place, as edits. Interim version until the alignment model of issue 12 lands.
 */
public record NoteAlignment(List<Kept> kept, List<NoteFacts> added, List<NoteFacts> removed) {

    /** A note of both versions, and what changed in it. */
    public record Kept(NoteFacts previous, NoteFacts current, Set<NoteChange> changes) {
        public boolean soundChanged() {
            return changes.stream().anyMatch(c -> c != NoteChange.TIMING);
        }
    }

    public Map<String, String> previousIdByCurrentId() {
        Map<String, String> ids = new HashMap<>();
        kept.forEach(k -> ids.put(k.current().universalId(), k.previous().universalId()));
        return ids;
    }

    public static NoteAlignment align(List<NoteFacts> previous, List<NoteFacts> current) {
        Map<String, List<NoteFacts>> before = byVoice(previous);
        Map<String, List<NoteFacts>> after = byVoice(current);
        List<Kept> kept = new ArrayList<>();
        List<NoteFacts> added = new ArrayList<>();
        List<NoteFacts> removed = new ArrayList<>();
        for (Map.Entry<String, List<NoteFacts>> voice : after.entrySet()) {
            List<NoteFacts> a = before.getOrDefault(voice.getKey(), List.of());
            List<NoteFacts> b = voice.getValue();
            int[][] lcs = new int[a.size() + 1][b.size() + 1];
            for (int i = a.size() - 1; i >= 0; i--) {
                for (int j = b.size() - 1; j >= 0; j--) {
                    lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            List<NoteFacts> gapA = new ArrayList<>();
            List<NoteFacts> gapB = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                if (i < a.size() && j < b.size() && same(a.get(i), b.get(j))) {
                    closeGap(gapA, gapB, kept, added, removed);
                    kept.add(new Kept(a.get(i), b.get(j), changes(a.get(i), b.get(j))));
                    i++;
                    j++;
                } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    gapB.add(b.get(j++));
                } else {
                    gapA.add(a.get(i++));
                }
            }
            closeGap(gapA, gapB, kept, added, removed);
        }
        before.forEach((voice, notes) -> {
            if (!after.containsKey(voice)) {
                removed.addAll(notes);
            }
        });
        return new NoteAlignment(List.copyOf(kept), List.copyOf(added), List.copyOf(removed));
    }

    /** Notes left between two anchors: the same place in the bar and chord is the same note, edited. */
    private static void closeGap(List<NoteFacts> gapA, List<NoteFacts> gapB, List<Kept> kept, List<NoteFacts> added,
                                 List<NoteFacts> removed) {
        List<NoteFacts> left = new ArrayList<>(gapA);
        for (NoteFacts b : gapB) {
            NoteFacts partner = left.stream().filter(a -> a.onsetInMeasure() == b.onsetInMeasure()
                    && a.chordIndex() == b.chordIndex() && a.grace() == b.grace()
                    && a.measureNumber().equals(b.measureNumber())).findFirst().orElse(null);
            if (partner == null) {
                added.add(b);
            } else {
                left.remove(partner);
                kept.add(new Kept(partner, b, changes(partner, b)));
            }
        }
        removed.addAll(left);
        gapA.clear();
        gapB.clear();
    }

    private static boolean same(NoteFacts a, NoteFacts b) {
        return a.onsetInMeasure() == b.onsetInMeasure() && a.pitch().equals(b.pitch())
                && a.durationQuarters() == b.durationQuarters() && a.chordIndex() == b.chordIndex() && a.grace() == b.grace();
    }

    private static Set<NoteChange> changes(NoteFacts a, NoteFacts b) {
        Set<NoteChange> changes = EnumSet.noneOf(NoteChange.class);
        if (a.midiPitch() != b.midiPitch() || !a.pitch().equals(b.pitch())) {
            changes.add(NoteChange.PITCH);
        }
        if (a.durationQuarters() != b.durationQuarters()) {
            changes.add(NoteChange.DURATION);
        }
        if (a.velocity() != b.velocity()) {
            changes.add(NoteChange.VELOCITY);
        }
        if (a.midiProgram() != b.midiProgram()) {
            changes.add(NoteChange.PROGRAM);
        }
        if (Math.abs(a.startSeconds() - b.startSeconds()) > 1e-6 || Math.abs(a.durationSeconds() - b.durationSeconds()) > 1e-6) {
            changes.add(NoteChange.TIMING);
        }
        return changes;
    }

    private static Map<String, List<NoteFacts>> byVoice(List<NoteFacts> notes) {
        Map<String, List<NoteFacts>> voices = new LinkedHashMap<>();
        notes.stream().sorted(Comparator.comparingInt(NoteFacts::measureIndex).thenComparingDouble(NoteFacts::onsetInMeasure)
                        .thenComparing(n -> !n.grace()).thenComparingInt(NoteFacts::chordIndex))
                .forEach(n -> voices.computeIfAbsent(n.partId() + "\u0000" + n.staff() + "\u0000" + n.voice(),
                        k -> new ArrayList<>()).add(n));
        return voices;
    }
}
