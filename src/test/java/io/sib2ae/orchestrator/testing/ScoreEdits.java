package io.sib2ae.orchestrator.testing;

import static io.sib2ae.orchestrator.testing.MusicXmlDom.child;
import static io.sib2ae.orchestrator.testing.MusicXmlDom.children;
import static io.sib2ae.orchestrator.testing.MusicXmlDom.descendants;

import io.sib2ae.orchestrator.coordination.CoordinatedNote;
import io.sib2ae.orchestrator.coordination.CoordinatedScore;
import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.score.MidiFileReader;
import io.sib2ae.orchestrator.score.MeasureSpan;
import io.sib2ae.orchestrator.score.MidiNote;
import io.sib2ae.orchestrator.score.DynamicsVelocity;
import io.sib2ae.orchestrator.score.MusicXmlReader;
import io.sib2ae.orchestrator.score.MusicXmlScore;
import io.sib2ae.orchestrator.score.MxlArchive;
import io.sib2ae.orchestrator.score.NotatedNote;
import io.sib2ae.orchestrator.score.ScoreInputReader;
import io.sib2ae.orchestrator.score.ScoreReader;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Makes re-export cases from a real score, as a composer would make them in the notation program:
 * edits the MusicXML (as a DOM, {@link MusicXmlDom}) and, where the edit changes the sound, the
 * MIDI the same way ({@link MidiEdits}), and writes the new version under the
 * original file names into a folder of its own. Each edit says which notes of the original it
 * touched, by document index, so a test derives what it expects from the edit, not from the code
 * under test.
 *
 * <p>A one-note edit chooses its note by a fixed rule ({@link #plainNotes()}): a note that sounds
 * once, from its own MIDI note, with no tie, chord, grace or drum around it, so that the edit
 * touches exactly one note and the MIDI edit finds exactly one note-on.
 */
public final class ScoreEdits {

    /** What the composer did between the two exports. */
    public enum Kind {
        PITCH_CHANGED, NOTE_DELETED, BAR_INSERTED, TEMPO_CHANGED, DYNAMIC_CHANGED, PART_RENAMED, SAME_FILE
    }

    /** One export of a score on disk, read and coordinated as the score route reads and coordinates it. */
    public record ScoreVersion(Path musicXml, Path midi, CoordinatedScore coordinated) {

        /** The coordinated note of a notated note, by its document index. */
        public CoordinatedNote byDocumentIndex(int documentIndex) {
            return coordinated.notes().stream().filter(n -> n.notated().documentIndex() == documentIndex).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no note with document index " + documentIndex));
        }
    }

    /**
     * An edited export.
     *
     * @param touched the document indexes, in the original, of the notes the edit changed, removed or
     *                (for a bar inserted in the middle) moved; empty for edits that touch every note
     *                alike (a bar at the start, a tempo, new part ids) or none
     * @param partId  the part a part-level edit touched, else null
     */
    public record Edited(Kind kind, ScoreVersion version, Set<Integer> touched, String partId, String description) {
    }

    /** Tempo edits make the music this much faster. */
    public static final double TEMPO_FACTOR = 1.25;

    private final ScoreVersion original;

    private ScoreEdits(ScoreVersion original) {
        this.original = original;
    }

    /** Reads and coordinates the original export; both files must exist. */
    public static ScoreEdits of(Path musicXml, Path midi) {
        return new ScoreEdits(read(musicXml, midi));
    }

    public ScoreVersion original() {
        return original;
    }

    /** Reads and coordinates a version from disk with the service's own reader and coordinator. */
    public static ScoreVersion read(Path musicXml, Path midi) {
        ScoreReader reader = new ScoreReader(new ScoreInputReader(64 << 20, new MxlArchive(64 << 20, 100)),
                new MusicXmlReader(1_000_000), new MidiFileReader(1024, 36_000));
        CoordinatedScore coordinated = new NoteCoordinator().coordinate(reader.read(ScoreSet.of(musicXml, midi, List.of())));
        return new ScoreVersion(musicXml, midi, coordinated);
    }

    /** The edit of that kind; for {@link Kind#DYNAMIC_CHANGED}, one note's ({@link #dynamicChanged}). */
    public Edited apply(Kind kind, Path folder) {
        return switch (kind) {
            case PITCH_CHANGED -> pitchChanged(folder);
            case NOTE_DELETED -> noteDeleted(folder);
            case BAR_INSERTED -> barInserted(folder);
            case TEMPO_CHANGED -> tempoChanged(folder);
            case DYNAMIC_CHANGED -> dynamicChanged(folder);
            case PART_RENAMED -> partRenamed(folder);
            case SAME_FILE -> sameFile(folder);
        };
    }

    /** The identical files again. */
    public Edited sameFile(Path folder) {
        copyUnchanged(folder, original.musicXml());
        copyUnchanged(folder, original.midi());
        return new Edited(Kind.SAME_FILE, reread(folder), Set.of(), null, "the same files again");
    }

    /** One note a semitone higher: a written alteration of +1, and its MIDI key one up. */
    public Edited pitchChanged(Path folder) {
        CoordinatedNote chosen = middle(plainNotes().stream().filter(n -> n.notated().alter() == 0
                && n.notated().soundingPitch() < 127).toList());
        Document xml = MusicXmlDom.parse(original.musicXml());
        Element note = noteElement(xml, chosen.notated());
        Element pitch = child(note, "pitch");
        Element alter = child(pitch, "alter");
        if (alter == null) {
            alter = xml.createElement("alter");
            pitch.insertBefore(alter, child(pitch, "octave"));
        }
        alter.setTextContent("1");
        Element accidental = child(note, "accidental");
        if (accidental != null) {
            accidental.setTextContent("sharp");
        }
        MidiEdits midi = MidiEdits.read(original.midi());
        midi.note(onlyMidiNote(chosen)).transpose(1);
        write(folder, xml, midi);
        return new Edited(Kind.PITCH_CHANGED, reread(folder), Set.of(chosen.notated().documentIndex()), null,
                chosen.notated().pitchName() + " in bar " + chosen.notated().measureNumber() + " of " + chosen.instrument()
                        + " raised a semitone");
    }

    /** One note replaced by a rest of its length, so nothing after it moves; its MIDI note dropped. */
    public Edited noteDeleted(Path folder) {
        CoordinatedNote chosen = middle(plainNotes());
        Document xml = MusicXmlDom.parse(original.musicXml());
        Element note = noteElement(xml, chosen.notated());
        Element pitch = child(note, "pitch");
        note.replaceChild(xml.createElement("rest"), pitch);
        for (String gone : List.of("tie", "accidental", "stem", "notehead", "notations", "lyric", "beam")) {
            for (Element e = child(note, gone); e != null; e = child(note, gone)) {
                note.removeChild(e);
            }
        }
        MidiEdits midi = MidiEdits.read(original.midi());
        midi.note(onlyMidiNote(chosen)).remove();
        write(folder, xml, midi);
        return new Edited(Kind.NOTE_DELETED, reread(folder), Set.of(chosen.notated().documentIndex()), null,
                chosen.notated().pitchName() + " in bar " + chosen.notated().measureNumber() + " of " + chosen.instrument()
                        + " deleted");
    }

    /**
     * One note's dynamic changed, louder (or softer, if already loud): the note's own MusicXML
     * {@code dynamics} and its MIDI velocity. {@link #dynamicMarkingChanged} changes a printed
     * marking and every note it governs instead.
     */
    public Edited dynamicChanged(Path folder) {
        CoordinatedNote chosen = middle(plainNotes());
        int velocity = chosen.velocity() <= 100 ? chosen.velocity() + 20 : chosen.velocity() - 20;
        Document xml = MusicXmlDom.parse(original.musicXml());
        Element note = noteElement(xml, chosen.notated());
        // MusicXML's note dynamics is a percentage of the forte velocity 90.
        note.setAttribute("dynamics", decimal(velocity / 0.9));
        MidiEdits midi = MidiEdits.read(original.midi());
        midi.note(onlyMidiNote(chosen)).strike(velocity);
        write(folder, xml, midi);
        return new Edited(Kind.DYNAMIC_CHANGED, reread(folder), Set.of(chosen.notated().documentIndex()), null,
                chosen.notated().pitchName() + " in bar " + chosen.notated().measureNumber() + " of " + chosen.instrument()
                        + " from velocity " + chosen.velocity() + " to " + velocity);
    }

    /**
     * One printed dynamic changed, soft to loud or loud to soft, as Sibelius or Finale would write
     * it: the marking and its {@code <sound dynamics>}; in the MIDI, every note the marking governs
     * is struck at the new level. Which notes it governs is what the service's reader says (the
     * notes whose notated dynamics the marking sets). The marking is the first one from the middle
     * of the score that governs at most {@value #MOST_NOTES_A_DYNAMIC_GOVERNS} notes, each struck
     * once per performance from a MIDI note of its own, so the edit stays small and exact. Its kind
     * is {@link Kind#DYNAMIC_CHANGED}, as for {@link #dynamicChanged}.
     *
     * <p>{@link Edited#touched()} lists the notes whose velocity the edit changes: those the marking
     * governs, and tied notes whose primary it governs (they sound in their primary), except where
     * the old velocity happens to be the new one.
     */
    public Edited dynamicMarkingChanged(Path folder) {
        Document xml = MusicXmlDom.parse(original.musicXml());
        List<Element> markings = descendants(xml.getDocumentElement(), "dynamics").stream()
                .filter(d -> LEVELS.contains(firstLevel(d))).toList();
        MusicXmlScore notation = original.coordinated().score();
        for (int tried = 0; tried < markings.size(); tried++) {
            Element dynamics = markings.get((markings.size() / 2 + tried) % markings.size());
            Element level = level(dynamics);
            String before = level.getTagName();
            String after = LEVELS.indexOf(before) <= LEVELS.indexOf("mf") ? "ff" : "pp";
            Element replacement = xml.createElement(after);
            dynamics.replaceChild(replacement, level);
            Element sound = child((Element) dynamics.getParentNode().getParentNode(), "sound");
            String soundBefore = sound == null ? null : sound.getAttribute("dynamics");
            if (sound != null && sound.hasAttribute("dynamics")) {
                // MusicXML's sound dynamics is a percentage of the forte velocity 90.
                sound.setAttribute("dynamics", decimal(DynamicsVelocity.of(after, 0) / 0.9));
            }
            MusicXmlScore edited = new MusicXmlReader(1_000_000).read(MusicXmlDom.bytes(xml), original.musicXml().getFileName().toString());
            Map<Integer, Integer> governed = new HashMap<>();
            for (NotatedNote note : edited.notes()) {
                int was = notation.notes().get(note.documentIndex()).dynamicsVelocity();
                if (note.dynamicsVelocity() != was) {
                    governed.put(note.documentIndex(), note.dynamicsVelocity());
                }
            }
            Map<Integer, Integer> velocities = newVelocities(governed);
            if (velocities != null && !velocities.isEmpty() && governed.size() <= MOST_NOTES_A_DYNAMIC_GOVERNS) {
                MidiEdits midi = MidiEdits.read(original.midi());
                for (CoordinatedNote note : original.coordinated().notes()) {
                    Integer velocity = governed.get(note.notated().documentIndex());
                    if (velocity != null && note.primary()) {
                        midiNotesOf(note).forEach(played -> midi.note(played).strike(velocity));
                    }
                }
                write(folder, xml, midi);
                NotatedNote first = notation.notes().get(governed.keySet().stream().min(Integer::compare).orElseThrow());
                return new Edited(Kind.DYNAMIC_CHANGED, reread(folder), Set.copyOf(velocities.keySet()), first.partId(),
                        before + " to " + after + " in part " + first.partId() + " from bar " + first.measureNumber() + ", "
                                + velocities.size() + " notes' velocity changed");
            }
            dynamics.replaceChild(level, replacement);
            if (soundBefore != null && !soundBefore.isEmpty()) {
                sound.setAttribute("dynamics", soundBefore);
            }
        }
        throw new IllegalStateException("no dynamic marking to change in " + original.musicXml());
    }

    /** A marking governs at most this many notes, so that a test that renders them stays short. */
    public static final int MOST_NOTES_A_DYNAMIC_GOVERNS = 40;

    private static final List<String> LEVELS = List.of("pppp", "ppp", "pp", "p", "mp", "mf", "f", "ff", "fff", "ffff");

    private static String firstLevel(Element dynamics) {
        Element level = level(dynamics);
        return level == null ? "" : level.getTagName();
    }

    private static Element level(Element dynamics) {
        for (Node n = dynamics.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /**
     * The velocity each note will have once its governed notes sound at their new level, for the
     * notes it changes; null when a governed note does not sound simply (a tremolo, a drum, or a
     * performance with no MIDI note of its own), so that another marking is tried.
     */
    private Map<Integer, Integer> newVelocities(Map<Integer, Integer> governed) {
        Map<String, Integer> primaryVelocity = new HashMap<>();
        for (CoordinatedNote note : original.coordinated().notes()) {
            Integer velocity = governed.get(note.notated().documentIndex());
            if (velocity == null || !note.primary()) {
                continue;
            }
            boolean simple = note.playing().strokes().isEmpty() && note.playing().drum() == null
                    && NoteCoordinator.MIDI_EXACT.equals(note.timingSource())
                    && midiNotesOf(note).size() == note.performances().size();
            if (!simple) {
                return null;
            }
            primaryVelocity.put(note.universalId(), velocity);
        }
        Map<Integer, Integer> changed = new HashMap<>();
        for (CoordinatedNote note : original.coordinated().notes()) {
            Integer velocity = primaryVelocity.get(note.primary() ? note.universalId() : note.primaryUniversalId());
            if (velocity != null && velocity != note.velocity()) {
                changed.put(note.notated().documentIndex(), velocity);
            }
        }
        return changed;
    }

    /** The last part renamed; its id, its notes and the MIDI stay as they were. */
    public Edited partRenamed(Path folder) {
        Document xml = MusicXmlDom.parse(original.musicXml());
        List<Element> parts = descendants(xml.getDocumentElement(), "score-part");
        Element part = parts.get(parts.size() - 1);
        Element name = child(part, "part-name");
        String before = name.getTextContent();
        name.setTextContent(before.strip() + " (renamed)");
        write(folder, xml, null);
        copyUnchanged(folder, original.midi());
        String id = part.getAttribute("id");
        return new Edited(Kind.PART_RENAMED, reread(folder), Set.of(), id, "part " + id + " '" + before.strip() + "' renamed");
    }

    /**
     * Every part's id changed, as another program exporting the same score would number its parts:
     * the names, notes and MIDI stay. Its kind is {@link Kind#PART_RENAMED}, with no one part named.
     */
    public Edited partIdsChanged(Path folder) {
        Document xml = MusicXmlDom.parse(original.musicXml());
        List<Element> declared = descendants(xml.getDocumentElement(), "score-part");
        List<Element> parts = descendants(xml.getDocumentElement(), "part");
        for (Element part : declared) {
            part.setAttribute("id", "Exported-" + part.getAttribute("id"));
        }
        for (Element part : parts) {
            part.setAttribute("id", "Exported-" + part.getAttribute("id"));
        }
        write(folder, xml, null);
        copyUnchanged(folder, original.midi());
        return new Edited(Kind.PART_RENAMED, reread(folder), Set.of(), null, "every part's id changed, " + declared.size() + " parts");
    }

    /**
     * Every tempo {@link #TEMPO_FACTOR} times faster: each {@code <sound tempo>} and metronome of the
     * MusicXML (or a first tempo mark where it had none) and each tempo event of the MIDI.
     */
    public Edited tempoChanged(Path folder) {
        Document xml = MusicXmlDom.parse(original.musicXml());
        List<Element> sounds = descendants(xml.getDocumentElement(), "sound").stream().filter(s -> s.hasAttribute("tempo")).toList();
        for (Element sound : sounds) {
            sound.setAttribute("tempo", decimal(Double.parseDouble(sound.getAttribute("tempo")) * TEMPO_FACTOR));
        }
        for (Element perMinute : descendants(xml.getDocumentElement(), "per-minute")) {
            perMinute.setTextContent(decimal(Double.parseDouble(perMinute.getTextContent().strip()) * TEMPO_FACTOR));
        }
        MidiEdits midi = MidiEdits.read(original.midi());
        double firstQuartersPerMinute = midi.speedUp(TEMPO_FACTOR);
        if (sounds.isEmpty()) {
            // The composer marks the new tempo where the score had none: at the start of the first part.
            Element measure = descendants(descendants(xml.getDocumentElement(), "part").get(0), "measure").get(0);
            Element direction = xml.createElement("direction");
            direction.setAttribute("placement", "above");
            Element type = xml.createElement("direction-type");
            Element words = xml.createElement("words");
            words.setTextContent("Più mosso");
            type.appendChild(words);
            direction.appendChild(type);
            Element sound = xml.createElement("sound");
            sound.setAttribute("tempo", decimal(firstQuartersPerMinute * TEMPO_FACTOR));
            direction.appendChild(sound);
            measure.insertBefore(direction, child(measure, "note"));
        }
        write(folder, xml, midi);
        return new Edited(Kind.TEMPO_CHANGED, reread(folder), Set.of(), null, "every tempo " + TEMPO_FACTOR + " times faster");
    }

    /**
     * A bar of rest inserted at the start of every part, with the first bar's attributes and tempo,
     * the later bars renumbered; in the MIDI every note starts one bar later.
     */
    public Edited barInserted(Path folder) {
        Document xml = MusicXmlDom.parse(original.musicXml());
        double barQuarters = 0;
        for (Element part : descendants(xml.getDocumentElement(), "part")) {
            List<Element> measures = descendants(part, "measure");
            Element first = measures.get(0);
            Element attributes = child(first, "attributes");
            Element divisions = attributes == null ? null : child(attributes, "divisions");
            Element time = attributes == null ? null : child(attributes, "time");
            double quarters = time == null ? 4 : beats(child(time, "beats").getTextContent()) * 4
                    / Double.parseDouble(child(time, "beat-type").getTextContent().strip());
            barQuarters = Math.max(barQuarters, quarters);
            int perQuarter = divisions == null ? 1 : Integer.parseInt(divisions.getTextContent().strip());
            Element bar = xml.createElement("measure");
            bar.setAttribute("number", first.getAttribute("number"));
            if (attributes != null) {
                bar.appendChild(attributes.cloneNode(true));
            }
            for (Element direction : children(first, "direction")) {
                Element sound = child(direction, "sound");
                if (sound != null && sound.hasAttribute("tempo") && precedesFirstNote(first, direction)) {
                    bar.appendChild(direction.cloneNode(true));
                }
            }
            bar.appendChild(measureRest(xml, Math.round(quarters * perQuarter)));
            part.insertBefore(bar, first);
            renumber(measures);
        }
        MidiEdits midi = MidiEdits.read(original.midi());
        midi.delayMusic(Math.round(barQuarters * midi.resolution()));
        write(folder, xml, midi);
        return new Edited(Kind.BAR_INSERTED, reread(folder), Set.of(), null, "a bar of " + barQuarters
                + " quarters inserted at the start of every part");
    }

    /**
     * A bar of rest inserted in the middle of the score, in every part, at the barline nearest the
     * middle where no note sounds across (no tie, no held note, in the notation or the MIDI) and
     * the bar after it changes no attributes; the bar has that bar's length and the later bars are
     * renumbered. In the MIDI everything from that barline on moves a bar later. Its kind is
     * {@link Kind#BAR_INSERTED}; {@link Edited#touched()} lists the notes that moved, those from the
     * barline on. Needs a score played as written (no repeats or jumps), with its MIDI in step.
     */
    public Edited barInsertedInTheMiddle(Path folder) {
        MusicXmlScore notation = original.coordinated().score();
        List<MeasureSpan> spans = notation.measures();
        boolean playedAsWritten = original.coordinated().matchSummary().quarterOffset() == 0 && notation.jumpsFromWords().isEmpty()
                && spans.stream().noneMatch(m -> m.forwardRepeat() || m.backwardRepeat() || !m.endingNumbers().isEmpty()
                || m.jump() != null && !m.jump().equals(MeasureSpan.NavigationMark.NONE));
        if (!playedAsWritten) {
            throw new IllegalStateException(original.musicXml() + " is not played as written: no bar can be inserted in its middle here");
        }
        Document xml = MusicXmlDom.parse(original.musicXml());
        List<Element> parts = descendants(xml.getDocumentElement(), "part");
        int bar = -1;
        for (int step = 0; step < spans.size() && bar < 0; step++) {
            int k = spans.size() / 2 + (step % 2 == 0 ? step / 2 : -(step + 1) / 2);
            if (k > 0 && k < spans.size() && cleanBarline(spans.get(k).notatedStart())
                    && parts.stream().allMatch(part -> child(children(part, "measure").get(spans.get(k).index()), "attributes") == null)) {
                bar = k;
            }
        }
        if (bar < 0) {
            throw new IllegalStateException("no barline in " + original.musicXml() + " that nothing sounds across");
        }
        MeasureSpan span = spans.get(bar);
        for (Element part : parts) {
            List<Element> measures = children(part, "measure");
            int perQuarter = 1;
            for (Element measure : measures.subList(0, bar + 1)) {
                for (Element attributes : children(measure, "attributes")) {
                    Element divisions = child(attributes, "divisions");
                    perQuarter = divisions == null ? perQuarter : Integer.parseInt(divisions.getTextContent().strip());
                }
            }
            Element inserted = xml.createElement("measure");
            inserted.setAttribute("number", measures.get(bar).getAttribute("number"));
            inserted.appendChild(measureRest(xml, Math.round(span.length() * perQuarter)));
            part.insertBefore(inserted, measures.get(bar));
            renumber(measures.subList(bar, measures.size()));
        }
        MidiEdits midi = MidiEdits.read(original.midi());
        midi.insertTime(Math.round(span.notatedStart() * midi.resolution()), Math.round(span.length() * midi.resolution()));
        write(folder, xml, midi);
        Set<Integer> moved = new java.util.TreeSet<>();
        notation.notes().stream().filter(n -> n.notatedOnset() >= span.notatedStart() - 1e-9).forEach(n -> moved.add(n.documentIndex()));
        return new Edited(Kind.BAR_INSERTED, reread(folder), Set.copyOf(moved), null, "a bar of " + span.length()
                + " quarters inserted before bar " + span.number() + " of every part; " + moved.size() + " notes moved");
    }

    /** True when no note, notated or in the MIDI, sounds across that point of the score (in quarters). */
    private boolean cleanBarline(double quarter) {
        double eps = 1e-6;
        boolean notated = original.coordinated().score().notes().stream().noneMatch(n -> n.notatedOnset() < quarter - eps
                && (n.notatedEnd() > quarter + eps || n.tieStart() && n.notatedEnd() > quarter - eps));
        boolean played = original.coordinated().midi().notes().stream().noneMatch(m -> m.startQuarter() < quarter - eps
                && m.endQuarter() > quarter + eps);
        boolean before = original.coordinated().score().notes().stream().anyMatch(n -> n.notatedOnset() < quarter);
        boolean after = original.coordinated().score().notes().stream().anyMatch(n -> n.notatedOnset() >= quarter);
        return notated && played && before && after;
    }

    private static Element measureRest(Document xml, long duration) {
        Element rest = xml.createElement("note");
        Element restMark = xml.createElement("rest");
        restMark.setAttribute("measure", "yes");
        rest.appendChild(restMark);
        Element length = xml.createElement("duration");
        length.setTextContent(String.valueOf(duration));
        rest.appendChild(length);
        Element voice = xml.createElement("voice");
        voice.setTextContent("1");
        rest.appendChild(voice);
        return rest;
    }

    private static void renumber(List<Element> measures) {
        for (Element measure : measures) {
            String number = measure.getAttribute("number");
            if (number.matches("\\d+")) {
                measure.setAttribute("number", String.valueOf(Integer.parseInt(number) + 1));
            }
        }
    }

    /**
     * The notes a one-note edit may choose from, in score order: each sounds once from its own MIDI
     * note, and is not tied, not grace, not a drum and not part of a chord, so that changing it
     * changes nothing else.
     */
    public List<CoordinatedNote> plainNotes() {
        List<NotatedNote> all = original.coordinated().score().notes();
        List<CoordinatedNote> result = new ArrayList<>();
        for (CoordinatedNote n : original.coordinated().notes()) {
            NotatedNote x = n.notated();
            boolean inChord = all.stream().anyMatch(o -> o != x && o.partId().equals(x.partId()) && o.staff() == x.staff()
                    && o.voice().equals(x.voice()) && o.measureIndex() == x.measureIndex()
                    && o.onsetInMeasure() == x.onsetInMeasure() && !o.grace());
            if (!x.tieStart() && !x.tieStop() && !x.grace() && !x.unpitched() && !inChord && n.primary()
                    && n.playing().drum() == null && n.playing().strokes().isEmpty() && n.playing().arpeggio() == null
                    && n.performances().size() == 1 && NoteCoordinator.MIDI_EXACT.equals(n.timingSource())
                    && midiNotesOf(n).size() == 1) {
                result.add(n);
            }
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("no plain note to edit in " + original.musicXml());
        }
        return result;
    }

    private static CoordinatedNote middle(List<CoordinatedNote> candidates) {
        return candidates.get(candidates.size() / 2);
    }

    /** The MIDI notes a note sounds from: its key, starting when one of its performances does. */
    private List<MidiNote> midiNotesOf(CoordinatedNote note) {
        return original.coordinated().midi().notes().stream().filter(m -> m.pitch() == note.notated().soundingPitch()
                && note.performances().stream().anyMatch(p -> Math.abs(m.startSeconds() - p.startSeconds()) < 1e-5)).toList();
    }

    /** The one MIDI note a plain note sounds from. */
    private MidiNote onlyMidiNote(CoordinatedNote plain) {
        List<MidiNote> played = midiNotesOf(plain);
        if (played.size() != 1) {
            throw new IllegalStateException(plain.notated().pitchName() + " sounds from " + played.size() + " MIDI notes, not one");
        }
        return played.get(0);
    }

    /**
     * The {@code <note>} element of a notated note: the reader numbers the notes it keeps in
     * document order, leaving out rests, cue notes and invisible notes, and so does this.
     */
    private static Element noteElement(Document xml, NotatedNote notated) {
        List<Element> notes = descendants(xml.getDocumentElement(), "note").stream()
                .filter(n -> child(n, "rest") == null && child(n, "cue") == null && !"no".equals(n.getAttribute("print-object")))
                .toList();
        Element note = notes.get(notated.documentIndex());
        Element pitch = child(note, "pitch");
        String step = pitch == null ? "" : child(pitch, "step").getTextContent().strip();
        if (!step.equals(String.valueOf(notated.writtenStep()))) {
            throw new IllegalStateException("note " + notated.documentIndex() + " of the DOM is " + step + ", the reader's is "
                    + notated.pitchName());
        }
        return note;
    }

    private static boolean precedesFirstNote(Element measure, Element direction) {
        for (Node n = measure.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n == direction) {
                return true;
            }
            if (n instanceof Element e && e.getTagName().equals("note")) {
                return false;
            }
        }
        return false;
    }

    private static double beats(String text) {
        // Composite meters such as 3+2 add up.
        double sum = 0;
        for (String part : text.strip().split("\\+")) {
            sum += Double.parseDouble(part.strip());
        }
        return sum;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("\\.?0+$", "");
    }

    /** Writes the edited MusicXML, and the edited MIDI when given, under the original names. */
    private void write(Path folder, Document xml, MidiEdits midi) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MusicXmlDom.write(xml, folder.resolve(original.musicXml().getFileName()));
        if (midi != null) {
            midi.write(folder.resolve(original.midi().getFileName()));
        }
    }

    private static void copyUnchanged(Path folder, Path file) {
        try {
            Files.createDirectories(folder);
            Files.copy(file, folder.resolve(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ScoreVersion reread(Path folder) {
        return read(folder.resolve(original.musicXml().getFileName()), folder.resolve(original.midi().getFileName()));
    }
}
