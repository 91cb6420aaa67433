package io.sib2ae.orchestrator.coordination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which notes of a re-exported score are the same notes as the previous version's: the notes
 * are aligned part by part and voice by voice, as a sequence alignment on what a musician calls
 * the same note (its place in the bar, how many bars after the voice's previous note, pitch,
 * duration, chord position); what is left over in a part then pairs when it is the same note moved
 * to another voice. A kept note keeps its universal ID; notes with no partner are added or
 * removed. Deterministic: the same two versions always give the same alignment.
 *
 * @param kept    pairs of the same note in both versions, in the current version's order
 * @param added   notes of the current version with no partner, in its order
 * @param removed notes of the previous version with no partner, in its order
 */
public record NoteAlignment(List<Kept> kept, List<NoteFacts> added, List<NoteFacts> removed) {

    public NoteAlignment {
        kept = List.copyOf(kept);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** One note in both versions, and what changed about it. */
    public record Kept(NoteFacts previous, NoteFacts current, Set<NoteChange> changes) {

        public Kept {
            changes = changes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(changes));
        }

        /** True when what the note sounds like changed: anything but a move in time or a part's new name. */
        public boolean soundChanged() {
            return changes.stream().anyMatch(c -> c != NoteChange.TIMING && c != NoteChange.PART_NAME);
        }
    }

    /** The figures the score index records for a version. */
    public record Counts(int kept, int changed, int added, int removed) {
    }

    /** For each kept note, the previous version's ID by the current version's; in the current order. */
    public Map<String, String> previousIdByCurrentId() {
        Map<String, String> ids = new LinkedHashMap<>();
        kept.forEach(k -> ids.put(k.current().universalId(), k.previous().universalId()));
        return ids;
    }

    /** Kept notes whose sound is the same (they may have moved), then those whose sound changed. */
    public Counts counts() {
        int changed = (int) kept.stream().filter(Kept::soundChanged).count();
        return new Counts(kept.size() - changed, changed, added.size(), removed.size());
    }

    /** True when the two versions have the same notes, sounding alike at the same times. */
    public boolean identical() {
        return added.isEmpty() && removed.isEmpty() && kept.stream().allMatch(k -> k.changes().isEmpty());
    }

    // ---------------------------------------------------------------------------------------------

    /** Aligns the notes of the previous version with those of the current one. */
    public static NoteAlignment align(List<NoteFacts> previous, List<NoteFacts> current) {
        Map<String, List<NoteFacts>> previousParts = byPart(previous);
        Map<String, List<NoteFacts>> currentParts = byPart(current);
        Map<String, String> partners = partPartners(previousParts, currentParts);

        // By identity: two notes of a hand-made list may carry the same facts.
        Map<NoteFacts, NoteFacts> pairs = new IdentityHashMap<>();
        partners.forEach((currentPart, previousPart) -> {
            Map<String, List<NoteFacts>> previousVoices = byVoice(previousParts.get(previousPart));
            Map<String, List<NoteFacts>> currentVoices = byVoice(currentParts.get(currentPart));
            Map<NoteFacts, NoteFacts> inPart = new IdentityHashMap<>();
            currentVoices.forEach((voice, notes) -> {
                List<NoteFacts> before = previousVoices.get(voice);
                if (before != null) {
                    inPart.putAll(SequenceAlignment.pairs(before, notes));
                }
            });
            inPart.putAll(changedVoice(previousParts.get(previousPart), currentParts.get(currentPart), inPart));
            pairs.putAll(inPart);
        });

        List<Kept> kept = new ArrayList<>();
        List<NoteFacts> added = new ArrayList<>();
        for (NoteFacts note : current) {
            NoteFacts partner = pairs.get(note);
            if (partner == null) {
                added.add(note);
            } else {
                kept.add(new Kept(partner, note, changes(partner, note)));
            }
        }
        Set<NoteFacts> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        paired.addAll(pairs.values());
        List<NoteFacts> removed = previous.stream().filter(n -> !paired.contains(n)).toList();
        return new NoteAlignment(kept, added, removed);
    }

    /**
     * Pairs the notes a voice-by-voice alignment left over in a part that are the same note moved
     * to another voice or staff (a passage rewritten as voice 2, a note crossed to the other hand):
     * the same place, pitch, duration and grace flag. The place allows for the bars the part's
     * aligned notes moved by most often, so an inserted bar does not hide such a move.
     */
    private static Map<NoteFacts, NoteFacts> changedVoice(List<NoteFacts> previous, List<NoteFacts> current,
                                                          Map<NoteFacts, NoteFacts> aligned) {
        Set<NoteFacts> used = Collections.newSetFromMap(new IdentityHashMap<>());
        used.addAll(aligned.values());
        Map<Integer, Integer> shifts = new TreeMap<>();
        aligned.forEach((c, p) -> shifts.merge(c.measureIndex() - p.measureIndex(), 1, Integer::sum));
        int shift = shifts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(0);
        Map<String, List<NoteFacts>> waiting = new LinkedHashMap<>();
        for (NoteFacts p : SequenceAlignment.inNotatedOrder(previous)) {
            if (!used.contains(p)) {
                waiting.computeIfAbsent(samePlaceAndSound(p, p.measureIndex() + shift), k -> new ArrayList<>()).add(p);
            }
        }
        Map<NoteFacts, NoteFacts> pairs = new IdentityHashMap<>();
        for (NoteFacts c : SequenceAlignment.inNotatedOrder(current)) {
            List<NoteFacts> candidates = aligned.containsKey(c) ? null : waiting.get(samePlaceAndSound(c, c.measureIndex()));
            if (candidates != null && !candidates.isEmpty()) {
                pairs.put(c, candidates.remove(0));
            }
        }
        return pairs;
    }

    private static String samePlaceAndSound(NoteFacts n, int measureIndex) {
        return measureIndex + "|" + Math.round(n.onsetInMeasure() * 1e6) + "|" + n.pitch() + "|" + n.midiPitch() + "|"
                + Math.round(n.durationQuarters() * 1e6) + "|" + n.grace();
    }

    /** What differs between two versions of the same note. */
    static Set<NoteChange> changes(NoteFacts previous, NoteFacts current) {
        Set<NoteChange> changes = EnumSet.noneOf(NoteChange.class);
        if (previous.midiPitch() != current.midiPitch() || !Objects.equals(previous.pitch(), current.pitch())) {
            changes.add(NoteChange.PITCH);
        }
        if (!SequenceAlignment.same(previous.durationQuarters(), current.durationQuarters())) {
            changes.add(NoteChange.DURATION);
        }
        if (previous.velocity() != current.velocity()) {
            changes.add(NoteChange.VELOCITY);
        }
        if (previous.midiProgram() != current.midiProgram()) {
            changes.add(NoteChange.PROGRAM);
        }
        if (!SequenceAlignment.same(previous.startSeconds(), current.startSeconds())
                || !SequenceAlignment.same(previous.durationSeconds(), current.durationSeconds())
                || previous.measureIndex() != current.measureIndex()
                || !Objects.equals(previous.measureNumber(), current.measureNumber())) {
            changes.add(NoteChange.TIMING);
        }
        if (!Objects.equals(previous.partName(), current.partName())) {
            changes.add(NoteChange.PART_NAME);
        }
        return changes;
    }

    /** The notes of each part, parts in score order. */
    private static Map<String, List<NoteFacts>> byPart(List<NoteFacts> notes) {
        Map<String, List<NoteFacts>> parts = new LinkedHashMap<>();
        notes.stream().sorted(Comparator.comparingInt(NoteFacts::partIndex))
                .forEach(n -> parts.computeIfAbsent(n.partId(), k -> new ArrayList<>()).add(n));
        return parts;
    }

    /** The notes of each voice (staff and voice) of a part, each in notated order. */
    private static Map<String, List<NoteFacts>> byVoice(List<NoteFacts> notes) {
        Map<String, List<NoteFacts>> voices = new LinkedHashMap<>();
        notes.forEach(n -> voices.computeIfAbsent(n.staff() + "/" + n.voice(), k -> new ArrayList<>()).add(n));
        voices.replaceAll((voice, list) -> SequenceAlignment.inNotatedOrder(list));
        return voices;
    }

    /**
     * Current part id to previous part id. A part keeps its id when it is renamed, so ids pair
     * first; parts left over on both sides (a part the score re-created) pair in score order by
     * instrument: the same name, else the same program.
     */
    private static Map<String, String> partPartners(Map<String, List<NoteFacts>> previous, Map<String, List<NoteFacts>> current) {
        Map<String, String> partners = new LinkedHashMap<>();
        List<String> previousLeft = new ArrayList<>();
        for (String id : previous.keySet()) {
            if (current.containsKey(id)) {
                partners.put(id, id);
            } else {
                previousLeft.add(id);
            }
        }
        List<String> currentLeft = current.keySet().stream().filter(id -> !partners.containsKey(id)).toList();
        for (boolean byName : new boolean[] {true, false}) {
            for (String id : currentLeft) {
                if (partners.containsKey(id)) {
                    continue;
                }
                NoteFacts sample = current.get(id).get(0);
                for (String candidate : previousLeft) {
                    NoteFacts other = previous.get(candidate).get(0);
                    boolean same = byName ? Objects.equals(sample.partName(), other.partName())
                            : sample.midiProgram() == other.midiProgram();
                    if (same) {
                        partners.put(id, candidate);
                        previousLeft.remove(candidate);
                        break;
                    }
                }
            }
        }
        return partners;
    }
}
