package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.MidiNote;
import io.sib2ae.orchestrator.score.MidiPerformance;
import io.sib2ae.orchestrator.score.ScoreSource;
import io.sib2ae.orchestrator.score.MusicXmlScore;
import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.ScorePart;
import io.sib2ae.orchestrator.score.TempoMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coordinates a score's notation with its performance (the MIDI, when there is one): finds tie chains, matches every sounding to its MIDI note and gives every
 * notated note its deterministic universal ID and performed timing.
 */
public final class NoteCoordinator {

    public static final String MIDI_EXACT = "midi_exact";
    public static final String MIDI_TEMPO_MAP = "midi_tempo_map";
    public static final String MUSICXML_TEMPO = "musicxml_tempo";
    /** General MIDI's channel 10, counted from 0. */
    static final int PERCUSSION_CHANNEL = 9;

    private final NoteMatcher matcher = new NoteMatcher();

    /** Times the notes from the MIDI when the score came with one, else from the MusicXML alone. */
    public CoordinatedScore coordinate(ScoreSource source) {
        String contentHash = UniversalIds.contentHash(source.musicXml());
        MusicXmlScore score = source.notation();
        MidiPerformance midi = source.midi();
        Map<Integer, TiedGroup> groups = TieChains.byNote(TieChains.find(score.notes()));
        Map<Integer, PlayingFacts.Drum> drums = drums(score);
        Map<Integer, GraceTiming.Placement> graces = GraceTiming.of(score.notes());
        Map<Integer, TremoloExpansion.Plan> tremolos = TremoloExpansion.of(score.notes());
        Map<Integer, Double> shifts = new HashMap<>();
        graces.forEach((note, placement) -> shifts.put(note, placement.shiftQuarters()));
        tremolos.forEach((note, plan) -> shifts.merge(note, plan.shiftQuarters(), Double::sum));

        Timing timing = midi == null ? timeFromNotation(score, groups, drums, graces, tremolos, shifts)
                : timeFromMidi(score, groups, drums, graces, tremolos, shifts, midi);
        List<CoordinatedNote> notes = assemble(score, contentHash, groups, timing, midi, drums);
        return new CoordinatedScore(source, contentHash, notes, timing.tempoMap, midi == null ? MUSICXML_TEMPO : MIDI_EXACT,
                timing.summary);
    }

    /** Matches plus the timeline they were made on. */
    private record Timing(PerformedTimeline timeline, TempoMap tempoMap, QuarterMapping mapping,
                          Map<Integer, List<NoteMatcher.Match>> byNote, CoordinatedScore.MatchSummary summary,
                          Map<Long, Integer> laneToPart, Map<Integer, GraceTiming.Placement> graces,
                          Map<Integer, ArpeggioRoll.Place> rolls, Map<Integer, TremoloExpansion.Plan> tremolos,
                          List<MidiNote> midiNotes, Set<MidiNote> usedMidi) {
    }

    /** The MIDI notes the matcher gave to a notehead; the rest may be a tremolo's further strokes. */
    private static Set<MidiNote> usedMidiNotes(NoteMatcher.Result result) {
        Set<MidiNote> used = new HashSet<>();
        for (NoteMatcher.Match match : result.matches()) {
            if (match.midi() != null) {
                used.add(match.midi());
            }
        }
        return used;
    }

    /** The drum every unpitched note of a percussion part plays, by document index. */
    private static Map<Integer, PlayingFacts.Drum> drums(MusicXmlScore score) {
        Map<Integer, PlayingFacts.Drum> drums = new HashMap<>();
        for (NotatedNote note : score.notes()) {
            ScorePart part = score.parts().get(note.partIndex());
            if (note.unpitched() && part.percussion()) {
                ScorePart.Instrument instrument = part.instrument(note.marks().instrumentId());
                if (instrument == null && part.instruments().size() == 1) {
                    // A part with one instrument need not name it on every note.
                    instrument = part.instruments().get(0);
                }
                String name = instrument != null && !instrument.name().isBlank() ? instrument.name()
                        : !part.instrumentName().isBlank() ? part.instrumentName() : part.name();
                drums.put(note.documentIndex(), DrumMap.drumFor(instrument == null ? -1 : instrument.midiUnpitched(), name, note));
            }
        }
        return drums;
    }

    private Timing timeFromNotation(MusicXmlScore score, Map<Integer, TiedGroup> groups, Map<Integer, PlayingFacts.Drum> drums,
                                    Map<Integer, GraceTiming.Placement> graces, Map<Integer, TremoloExpansion.Plan> tremolos,
                                    Map<Integer, Double> shifts) {
        PerformedTimeline timeline = new PerformedTimeline(score);
        Map<Integer, List<NoteMatcher.Match>> byNote = new HashMap<>();
        int soundings = 0;
        for (NoteMatcher.Expected e : expected(score, groups, drums, shifts, timeline)) {
            byNote.computeIfAbsent(e.note().documentIndex(), k -> new ArrayList<>()).add(new NoteMatcher.Match(e, null, 1.0, "notation_only"));
            soundings++;
        }
        return new Timing(timeline, timeline.tempoMap(), QuarterMapping.shift(0), byNote,
                new CoordinatedScore.MatchSummary(soundings, 0, 0, 0, 0, true), Map.of(), graces, ArpeggioRoll.of(score.notes()), tremolos, List.of(), Set.of());
    }

    private Timing timeFromMidi(MusicXmlScore score, Map<Integer, TiedGroup> groups, Map<Integer, PlayingFacts.Drum> drums,
                                Map<Integer, GraceTiming.Placement> graces, Map<Integer, TremoloExpansion.Plan> tremolos,
                                Map<Integer, Double> shifts, MidiPerformance midi) {
        Timing best = null;
        // A MIDI file normally plays the repeats; one exported without them is matched on the notated timeline.
        for (boolean expand : new boolean[] {true, false}) {
            PerformedTimeline timeline = new PerformedTimeline(score, expand);
            List<NoteMatcher.Expected> expected = expected(score, groups, drums, shifts, timeline);
            NoteMatcher.Result result = matcher.match(expected, midi);
            Map<Integer, List<NoteMatcher.Match>> byNote = new HashMap<>();
            int exact = 0;
            int loose = 0;
            int missing = 0;
            for (NoteMatcher.Match match : result.matches()) {
                byNote.computeIfAbsent(match.expected().note().documentIndex(), k -> new ArrayList<>()).add(match);
                if (match.midi() == null) {
                    missing++;
                } else if (match.confidence() >= 1.0) {
                    exact++;
                } else {
                    loose++;
                }
            }
            Timing timing = new Timing(timeline, midi.tempoMap(), result.mapping(), byNote,
                    new CoordinatedScore.MatchSummary(expected.size(), exact, loose, missing, result.mapping().initialOffset(), expand),
                    result.laneToPart(), graces, ArpeggioRoll.of(score.notes()), tremolos, midi.notes(),
                    usedMidiNotes(result));
            if (best == null || exact > best.summary.matchedExactly()) {
                best = timing;
            }
            if (missing == 0 || score.measures().stream().noneMatch(m -> m.backwardRepeat() || m.jump().daCapo() || m.jump().dalSegno())) {
                break;
            }
        }
        return best;
    }

    /** Every sounding the notation promises; a tied secondary sounds as part of its primary. */
    private static List<NoteMatcher.Expected> expected(MusicXmlScore score, Map<Integer, TiedGroup> groups,
                                                       Map<Integer, PlayingFacts.Drum> drums,
                                                       Map<Integer, Double> shifts, PerformedTimeline timeline) {
        List<NoteMatcher.Expected> expected = new ArrayList<>();
        for (NotatedNote note : score.notes()) {
            TiedGroup group = groups.get(note.documentIndex());
            if (group != null && group.primary() != note) {
                continue;
            }
            List<Double> onsets = timeline.performedOnsets(note);
            for (int i = 0; i < onsets.size(); i++) {
                PlayingFacts.Drum drum = drums.get(note.documentIndex());
                expected.add(new NoteMatcher.Expected(note, i, onsets.get(i), drum == null ? note.soundingPitch() : drum.key(),
                        shifts.getOrDefault(note.documentIndex(), 0.0)));
            }
        }
        return expected;
    }

    private List<CoordinatedNote> assemble(MusicXmlScore score, String contentHash, Map<Integer, TiedGroup> groups,
                                           Timing timing, MidiPerformance midi, Map<Integer, PlayingFacts.Drum> drums) {
        Map<Integer, int[]> partSound = partChannelsAndPrograms(score, timing, midi);
        List<Draft> drafts = new ArrayList<>();
        Map<Integer, Draft> primaries = new HashMap<>();
        for (NotatedNote note : score.notes()) {
            TiedGroup group = groups.get(note.documentIndex());
            if (group == null || group.primary() == note) {
                Draft draft = soundingDraft(note, group, timing, midi != null);
                drafts.add(draft);
                primaries.put(note.documentIndex(), draft);
            }
        }
        for (NotatedNote note : score.notes()) {
            TiedGroup group = groups.get(note.documentIndex());
            if (group != null && group.primary() != note) {
                drafts.add(secondaryDraft(note, group, primaries.get(group.primary().documentIndex()), timing, midi != null));
            }
        }
        drafts.sort(Comparator.comparingDouble((Draft d) -> d.start).thenComparingInt(d -> d.note.partIndex())
                .thenComparingInt(d -> d.note.documentIndex()));

        Set<String> seenKeys = new HashSet<>();
        Map<Integer, String> ids = new HashMap<>();
        for (NotatedNote note : score.notes()) {
            String key = UniversalIds.positionKey(contentHash, note);
            String unique = key;
            for (int n = 2; !seenKeys.add(unique); n++) {
                // Two identical noteheads at one position (a doubled unison) still need two IDs.
                unique = key + "#" + n;
            }
            ids.put(note.documentIndex(), UniversalIds.nameBased(unique).toString());
        }
        List<CoordinatedNote> result = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            d.playing = d.playing.withDrum(drums.get(d.note.documentIndex()));
            TiedGroup group = groups.get(d.note.documentIndex());
            boolean primary = group == null || group.primary() == d.note;
            int[] sound = partSound.get(d.note.partIndex());
            result.add(new CoordinatedNote(d.note, ids.get(d.note.documentIndex()), result.size(),
                    score.parts().get(d.note.partIndex()).name(), d.velocity, round6(d.start), round6(d.duration),
                    d.performances, d.timingSource, d.confidence, d.method, primary,
                    group == null ? null : group.groupId(), group == null ? 0 : group.members().indexOf(d.note),
                    primary ? null : ids.get(group.primary().documentIndex()), sound[0], sound[1], round6(d.tempo),
                    d.playing));
        }
        return List.copyOf(result);
    }

    private static final class Draft {
        NotatedNote note;
        List<Performance> performances;
        double start;
        double duration;
        int velocity;
        String timingSource;
        double confidence;
        String method;
        double tempo;
        PlayingFacts playing = PlayingFacts.PLAIN;
    }

    private Draft soundingDraft(NotatedNote note, TiedGroup group, Timing timing, boolean hasMidi) {
        double chainQuarters = group == null ? note.durationQuarters() : group.notatedEnd() - note.notatedOnset();
        List<NoteMatcher.Match> matches = timing.byNote.getOrDefault(note.documentIndex(), List.of());
        List<Performance> performances = new ArrayList<>(matches.size());
        double confidence = matches.isEmpty() ? 0 : 1.0;
        String method = matches.isEmpty() ? "not_performed" : null;
        // With a MIDI partner the MIDI's time stands; without one the grace rule places the note.
        GraceTiming.Placement grace = timing.graces.get(note.documentIndex());
        TremoloExpansion.Plan tremolo = timing.tremolos.get(note.documentIndex());
        double shift = (grace == null ? 0 : grace.shiftQuarters()) + (tremolo == null ? 0 : tremolo.shiftQuarters());
        String graceRule = null;
        PlayingFacts.Arpeggio arpeggio = null;
        List<PlayingFacts.Stroke> strokes = null;
        for (NoteMatcher.Match match : matches) {
            if (match.midi() != null) {
                MidiNote m = match.midi();
                double length = m.durationSeconds();
                if (tremolo != null) {
                    // The MIDI's repeated notes are this notehead's tremolo: its strokes, and its length.
                    List<PlayingFacts.Stroke> played = midiStrokes(m, tremolo.single() ? chainQuarters : tremolo.lengthQuarters(), timing);
                    length = played.get(played.size() - 1).offsetSeconds() + played.get(played.size() - 1).durationSeconds();
                    strokes = strokes == null ? played : strokes;
                }
                performances.add(new Performance(round6(m.startSeconds()), round6(length), m.velocity()));
                graceRule = graceRule == null && (note.grace() || grace != null) ? "midi" : graceRule;
            } else {
                double at = timing.mapping.toMidi(match.expected().quarter() + shift);
                double start = timing.tempoMap.secondsAt(at);
                double quarters = grace == null ? chainQuarters
                        : note.grace() ? grace.lengthQuarters() : chainQuarters - grace.lengthQuarters();
                if (tremolo != null) {
                    quarters = tremolo.single() ? chainQuarters : tremolo.lengthQuarters();
                    if (strokes == null) {
                        strokes = notatedStrokes(tremolo, at, quarters, timing.tempoMap, note.dynamicsVelocity());
                    }
                }
                double length = note.grace() && grace == null ? graceSeconds(timing.tempoMap, at)
                        : timing.tempoMap.secondsAt(at + quarters) - start;
                ArpeggioRoll.Place roll = timing.rolls.get(note.documentIndex());
                if (roll != null) {
                    // Struck later by its place in the roll, ending with the chord.
                    double shortest = timing.tempoMap.secondsAt(at + roll.shortestQuarters()) - start;
                    double step = roll.stepSeconds(timing.tempoMap.tempoAt(at), shortest);
                    double delay = roll.position() * step;
                    start += delay;
                    length -= delay;
                    arpeggio = new PlayingFacts.Arpeggio(round6(delay), round6((roll.size() - 1) * step), roll.order());
                }
                performances.add(new Performance(round6(start), round6(length), note.dynamicsVelocity()));
                graceRule = graceRule == null && grace != null ? grace.rule().label() : graceRule;
            }
            confidence = Math.min(confidence, match.confidence());
            method = method == null ? match.method() : method.equals(match.method()) ? method : "mixed";
        }
        Draft d = new Draft();
        d.note = note;
        d.performances = List.copyOf(performances);
        NoteMatcher.Match first = matches.isEmpty() ? null : matches.get(0);
        double firstQuarter = timing.mapping.toMidi(first == null ? note.notatedOnset() : first.expected().quarter());
        d.start = performances.isEmpty() ? timing.tempoMap.secondsAt(firstQuarter) : performances.get(0).startSeconds();
        d.duration = performances.isEmpty() ? 0 : performances.get(0).durationSeconds();
        d.velocity = performances.isEmpty() ? note.dynamicsVelocity() : performances.get(0).velocity();
        d.tempo = timing.tempoMap.tempoAt(first != null && first.midi() != null ? first.midi().startQuarter() : firstQuarter);
        d.confidence = round6(confidence);
        d.method = method;
        boolean anyMidi = matches.stream().anyMatch(m -> m.midi() != null);
        d.timingSource = !hasMidi ? MUSICXML_TEMPO : anyMidi && confidence >= 1.0 ? MIDI_EXACT : MIDI_TEMPO_MAP;
        d.playing = d.playing.withGraceTiming(graceRule).withArpeggio(arpeggio)
                .withStrokes(strokes == null ? List.of() : strokes);
        return d;
    }

    private static Draft secondaryDraft(NotatedNote note, TiedGroup group, Draft primary, Timing timing, boolean hasMidi) {
        List<Performance> performances = new ArrayList<>();
        for (double onset : timing.timeline.performedOnsets(note)) {
            double at = timing.mapping.toMidi(onset);
            double start = timing.tempoMap.secondsAt(at);
            double length = timing.tempoMap.secondsAt(at + note.durationQuarters()) - start;
            performances.add(new Performance(round6(start), round6(length), primary.velocity));
        }
        Draft d = new Draft();
        d.note = note;
        d.performances = List.copyOf(performances);
        d.start = performances.isEmpty() ? timing.tempoMap.secondsAt(note.notatedOnset()) : performances.get(0).startSeconds();
        d.duration = performances.isEmpty() ? 0 : performances.get(0).durationSeconds();
        d.velocity = primary.velocity;
        d.tempo = timing.tempoMap.tempoAt(timing.mapping.toMidi(timing.timeline.performedOnsets(note).stream().findFirst().orElse(0.0)));
        d.confidence = primary.confidence;
        d.method = "tied_to_primary";
        d.timingSource = hasMidi ? MIDI_TEMPO_MAP : MUSICXML_TEMPO;
        return d;
    }

    /** A tremolo's strokes as the notation times them, in seconds from its first. */
    private static List<PlayingFacts.Stroke> notatedStrokes(TremoloExpansion.Plan plan, double at, double quarters,
                                                            TempoMap tempoMap, int velocity) {
        double start = tempoMap.secondsAt(at);
        List<PlayingFacts.Stroke> strokes = new ArrayList<>();
        for (double[] stroke : plan.strokes(quarters)) {
            double from = tempoMap.secondsAt(at + stroke[0]);
            double to = tempoMap.secondsAt(at + stroke[0] + stroke[1]);
            strokes.add(new PlayingFacts.Stroke(round6(from - start), round6(to - from), velocity));
        }
        return strokes;
    }

    /**
     * A tremolo's strokes as the MIDI file plays them: the matched note and every later note of the
     * same key in its lane, up to the tremolo's end, that no other notehead took.
     */
    private static List<PlayingFacts.Stroke> midiStrokes(MidiNote first, double quarters, Timing timing) {
        List<PlayingFacts.Stroke> strokes = new ArrayList<>();
        // Spans in ticks, not differences of absolute seconds: a roll moved elsewhere (a bar inserted
        // before it in a re-export) must come out the same, to the microsecond (TempoMap.secondsBetween).
        TempoMap map = timing.tempoMap;
        strokes.add(new PlayingFacts.Stroke(0, round6(map.secondsBetween(first.startTick(), first.endTick())), first.velocity()));
        double end = first.startQuarter() + quarters - NoteMatcher.EXACT_TOLERANCE;
        for (MidiNote m : timing.midiNotes) {
            if (m.lane() == first.lane() && m.pitch() == first.pitch() && m.startQuarter() > first.startQuarter() + 1e-9
                    && m.startQuarter() < end && !timing.usedMidi.contains(m)) {
                strokes.add(new PlayingFacts.Stroke(round6(map.secondsBetween(first.startTick(), m.startTick())),
                        round6(map.secondsBetween(m.startTick(), m.endTick())), m.velocity()));
            }
        }
        strokes.sort(Comparator.comparingDouble(PlayingFacts.Stroke::offsetSeconds));
        // Some MIDI files double a stroke (two notes of one key at one time): it is one stroke.
        List<PlayingFacts.Stroke> distinct = new ArrayList<>();
        for (PlayingFacts.Stroke stroke : strokes) {
            PlayingFacts.Stroke last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (last != null && Math.abs(last.offsetSeconds() - stroke.offsetSeconds()) < 1e-6) {
                distinct.set(distinct.size() - 1, last.durationSeconds() >= stroke.durationSeconds() ? last : stroke);
            } else {
                distinct.add(stroke);
            }
        }
        return distinct;
    }

    /** A grace note with no MIDI partner sounds for a sixteenth, the usual acciaccatura length. */
    private static double graceSeconds(TempoMap tempoMap, double at) {
        return 0.25 * 60.0 / tempoMap.tempoAt(at);
    }

    /** Channel and program per part: the MusicXML's own, else what the MIDI lanes play, else defaults. */
    private static Map<Integer, int[]> partChannelsAndPrograms(MusicXmlScore score, Timing timing, MidiPerformance midi) {
        Map<Integer, int[]> result = new HashMap<>();
        for (ScorePart part : score.parts()) {
            if (part.percussion()) {
                // General MIDI percussion: channel 10, and a program there chooses the drum kit.
                result.put(part.partIndex(), new int[] {PERCUSSION_CHANNEL, Math.max(0, part.midiProgram())});
                continue;
            }
            int channel = part.midiChannel();
            int program = part.midiProgram();
            if (midi != null && (channel < 0 || program < 0)) {
                Map<Long, Integer> laneVotes = new HashMap<>();
                for (MidiNote note : midi.notes()) {
                    if (Integer.valueOf(part.partIndex()).equals(timing.laneToPart.get(note.lane()))) {
                        laneVotes.merge(note.lane(), 1, Integer::sum);
                    }
                }
                Long lane = laneVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                if (lane != null) {
                    int laneChannel = (int) (lane & 0xf);
                    channel = channel < 0 ? laneChannel : channel;
                    if (program < 0) {
                        program = midi.notes().stream().filter(n -> n.lane() == lane).findFirst().map(MidiNote::program).orElse(0);
                    }
                }
            }
            if (channel < 0) {
                // Channel 10 (index 9) is percussion in General MIDI; pitched parts skip it.
                int index = part.partIndex() % 15;
                channel = index >= 9 ? index + 1 : index;
            }
            result.put(part.partIndex(), new int[] {channel, Math.max(0, program)});
        }
        return result;
    }

    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
