package io.sib2ae.orchestrator.score;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a partwise or timewise MusicXML document into notated notes with exact MusicXML
 * timing semantics: divisions (and changes of them), backup and forward, chords, voices and
 * staves, grace notes, transposition, ties, tempo marks, dynamics and the repeat structure.
 * The parser never reads a DTD or an external entity: a document that needs one is rejected.
 */
public final class MusicXmlReader {

    /** Largest alteration a real score writes (a triple sharp); anything beyond is corrupt. */
    private static final double MAX_ALTER = 3;
    private static final double DEFAULT_TEMPO = 120;
    private static final int DEFAULT_VELOCITY = 80;

    private final int maxNotes;

    public MusicXmlReader(int maxNotes) {
        this.maxNotes = maxNotes;
    }

    public MusicXmlScore read(byte[] xml, String fileName) {
        XMLStreamReader reader = null;
        try {
            reader = SecureXml.musicXmlReader(new ByteArrayInputStream(xml));
            return new Parse(reader, fileName).run();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage();
            // The JDK prefixes its message with "ParseError at [row,col]:..."; keep the useful part.
            int cut = message == null ? -1 : message.indexOf("Message: ");
            String reason = cut >= 0 ? message.substring(cut + 9) : message;
            throw new ScoreInputException("Not well-formed MusicXML: " + reason, fileName,
                    at == null ? null : at.getLineNumber(), at == null ? null : at.getColumnNumber(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /** Mutable state of one parse; the reader itself stays immutable and thread-safe. */
    private final class Parse implements ScoreCursor {
        private final XMLStreamReader xml;
        private final ScoreLayoutCollector layout;
        private final String fileName;
        private final Map<String, PartBuilder> parts = new LinkedHashMap<>();
        private final Map<Integer, MeasureBuilder> measures = new HashMap<>();
        private final List<PendingNote> pending = new ArrayList<>();
        private final TempoMarks tempoMarks = new TempoMarks();
        private final List<ScoreWarning> warnings = new ArrayList<>();
        private final List<WordsCandidate> jumpWords = new ArrayList<>();
        private String title = "";
        private boolean timewise;
        private int timewiseMeasureIndex = -1;
        private PartBuilder part;
        private MeasureBuilder measure;
        private int noteElements;
        private String activeEndingNumbers;

        Parse(XMLStreamReader xml, String fileName) {
            this.layout = new ScoreLayoutCollector(fileName, this);
            this.xml = new LayoutTee(xml, layout);
            this.fileName = fileName;
        }

        MusicXmlScore run() throws XMLStreamException {
            boolean rootSeen = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (name.equals("score-timewise")) {
                        timewise = true;
                    } else if (!name.equals("score-partwise")) {
                        throw fail("The root element is <" + name + ">, not <score-partwise> or <score-timewise>: this is not a MusicXML score");
                    }
                    continue;
                }
                switch (name) {
                    case "work-title", "movement-title" -> {
                        String text = xml.getElementText().trim();
                        if (title.isEmpty() || name.equals("work-title")) {
                            title = text.isEmpty() ? title : text;
                        }
                    }
                    case "score-part" -> readScorePart();
                    case "part" -> startPart();
                    case "measure" -> startMeasure();
                    case "attributes" -> readAttributes();
                    case "note" -> readNote();
                    case "backup" -> part.moveBy(-readDurationChild("backup"));
                    case "forward" -> part.moveBy(readDurationChild("forward"));
                    case "direction" -> readDirection();
                    case "sound" -> readSound(part == null ? 0 : part.position);
                    case "barline" -> readBarline();
                    default -> {
                        // other elements carry layout or presentation only
                    }
                }
            }
            if (!rootSeen) {
                throw new ScoreInputException("The file holds no XML element: it is empty or not MusicXML", fileName);
            }
            return build();
        }

        @Override
        public String partId() {
            return part == null ? null : part.id;
        }

        @Override
        public int measureIndex() {
            return part.currentMeasure;
        }

        @Override
        public double quartersInMeasure(double offsetDivisions) {
            return round(part.position + offsetDivisions / part.divisions);
        }

        private void readScorePart() throws XMLStreamException {
            String id = xml.getAttributeValue(null, "id");
            String partName = "";
            String instrumentName = "";
            int program = -1;
            int channel = -1;
            Map<String, String> instrumentNames = new LinkedHashMap<>();
            Map<String, Integer> unpitchedKeys = new HashMap<>();
            String scoreInstrument = null;
            String midiInstrument = null;
            boolean percussionChannel = false;
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "part-name" -> partName = xml.getElementText().trim();
                        case "score-instrument" -> {
                            scoreInstrument = xml.getAttributeValue(null, "id");
                            depth++;
                        }
                        case "midi-instrument" -> {
                            midiInstrument = xml.getAttributeValue(null, "id");
                            depth++;
                        }
                        case "instrument-name" -> {
                            String text = xml.getElementText().trim();
                            instrumentName = instrumentName.isEmpty() ? text : instrumentName;
                            if (scoreInstrument != null) {
                                instrumentNames.put(scoreInstrument, text);
                            }
                        }
                        case "midi-unpitched" -> {
                            int key = parseInt(xml.getElementText(), "midi-unpitched") - 1;
                            if (midiInstrument != null && key >= 0 && key <= 127) {
                                unpitchedKeys.put(midiInstrument, key);
                            }
                        }
                        case "midi-program" -> program = program < 0 ? parseInt(xml.getElementText(), "midi-program") - 1 : program;
                        case "midi-channel" -> {
                            int value = parseInt(xml.getElementText(), "midi-channel") - 1;
                            percussionChannel |= value == 9;
                            channel = channel < 0 ? value : channel;
                        }
                        default -> depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (id == null || id.isBlank()) {
                throw fail("A <score-part> has no id");
            }
            program = program > 127 || program < -1 ? -1 : program;
            channel = channel > 15 || channel < -1 ? -1 : channel;
            PartBuilder builder = new PartBuilder(id, parts.size(), partName.isEmpty() ? id : partName, instrumentName, program, channel);
            instrumentNames.forEach((instrument, name) -> builder.instruments.add(
                    new ScorePart.Instrument(instrument, name, unpitchedKeys.getOrDefault(instrument, -1))));
            unpitchedKeys.forEach((instrument, key) -> {
                if (!instrumentNames.containsKey(instrument)) {
                    builder.instruments.add(new ScorePart.Instrument(instrument, "", key));
                }
            });
            builder.percussion = percussionChannel || !unpitchedKeys.isEmpty();
            parts.put(id, builder);
        }

        private void startPart() {
            String id = xml.getAttributeValue(null, "id");
            PartBuilder found = parts.get(id);
            if (found == null) {
                // Lenient: a part missing from the part list still carries notes.
                found = new PartBuilder(id == null ? "P" + (parts.size() + 1) : id, parts.size(), id, "", -1, -1);
                parts.put(found.id, found);
            }
            part = found;
            if (timewise) {
                part.beginMeasure(timewiseMeasureIndex);
                part.measurePendingStart = pending.size();
            }
        }

        private void startMeasure() {
            if (timewise) {
                timewiseMeasureIndex++;
                measure = measureAt(timewiseMeasureIndex);
                measure.number = xml.getAttributeValue(null, "number");
                measure.implicit |= "yes".equals(xml.getAttributeValue(null, "implicit"));
                return;
            }
            if (part == null) {
                throw fail("A <measure> stands outside any <part>");
            }
            int index = part.measureCount;
            part.beginMeasure(index);
            part.measurePendingStart = pending.size();
            measure = measureAt(index);
            if (measure.number == null) {
                measure.number = xml.getAttributeValue(null, "number");
            }
            measure.implicit |= "yes".equals(xml.getAttributeValue(null, "implicit"));
        }

        private MeasureBuilder measureAt(int index) {
            return measures.computeIfAbsent(index, MeasureBuilder::new);
        }

        private void readAttributes() throws XMLStreamException {
            requirePart("attributes");
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "divisions" -> {
                            double divisions = parseDouble(xml.getElementText(), "divisions");
                            if (!(divisions > 0)) {
                                throw fail("<divisions> must be a positive number, found " + formatNumber(divisions));
                            }
                            declareDivisions(divisions);
                        }
                        case "staves" -> part.staves = Math.max(part.staves, parseInt(xml.getElementText(), "staves"));
                        case "chromatic" -> part.transposeChromatic = parseInt(xml.getElementText(), "chromatic");
                        case "octave-change" -> part.transposeOctave = parseInt(xml.getElementText(), "octave-change");
                        case "time" -> readTime();
                        case "transpose" -> {
                            // A new <transpose> replaces the old one entirely.
                            part.transposeChromatic = 0;
                            part.transposeOctave = 0;
                            depth++;
                        }
                        default -> depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        /**
         * A time signature as the length of a bar in quarters: a composite one (3/8 + 2/8 + 3/4) adds
         * its pairs, an alternative written beside it ({@code <interchangeable>}) does not count, and
         * one without meter ({@code <senza-misura>}) leaves the bar free.
         */
        private void readTime() throws XMLStreamException {
            List<Integer> beats = new ArrayList<>();
            List<Integer> beatTypes = new ArrayList<>();
            boolean free = false;
            int depth = 1;
            int interchangeableDepth = 0;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (interchangeableDepth > 0 || name.equals("interchangeable")) {
                        interchangeableDepth++;
                        depth++;
                    } else if (name.equals("beats")) {
                        beats.add(parseTimeNumber(xml.getElementText()));
                    } else if (name.equals("beat-type")) {
                        beatTypes.add(parseTimeNumber(xml.getElementText()));
                    } else {
                        free |= name.equals("senza-misura");
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    interchangeableDepth = Math.max(0, interchangeableDepth - 1);
                }
            }
            double quarters = 0;
            for (int i = 0; i < beats.size(); i++) {
                int type = beatTypes.isEmpty() ? 0 : beatTypes.get(Math.min(i, beatTypes.size() - 1));
                quarters += type > 0 ? beats.get(i) * 4.0 / type : 0;
            }
            part.senzaMisura = free || quarters <= 0;
            part.meterQuarters = quarters > 0 ? quarters : part.meterQuarters;
        }

        /**
         * Noteflight writes a bar's first notes, then a backup, then the part's first divisions: the
         * notes before it were written in those divisions, not in the default 1 (an eighth would
         * last 32 quarters). As MuseScore does, the bar is read with the divisions declared in it;
         * a later change of divisions (03c) keeps what came before it.
         */
        private void declareDivisions(double divisions) {
            double previous = part.divisions;
            part.divisions = divisions;
            boolean first = !part.divisionsDeclared;
            part.divisionsDeclared = true;
            if (!first || !part.timedInMeasure || previous == divisions) {
                return;
            }
            double factor = previous / divisions;
            part.position = round(part.position * factor);
            part.furthest = round(part.furthest * factor);
            part.lastNoteOnset = part.lastNoteOnset == null ? null : round(part.lastNoteOnset * factor);
            for (int i = part.measurePendingStart; i < pending.size(); i++) {
                PendingNote p = pending.get(i);
                if (p.part() == part && p.measureIndex() == part.currentMeasure) {
                    pending.set(i, new PendingNote(p.part(), p.measureIndex(), round(p.onset() * factor),
                            round(p.length() * factor), p.chordIndex(), p.fields(), p.sounding(), p.velocity()));
                }
            }
            layout.measureRescaled(part.id, part.currentMeasure, factor);
            String number = measure.number == null ? String.valueOf(part.currentMeasure + 1) : measure.number;
            warnings.add(new ScoreWarning(ScoreWarning.Kind.LATE_DIVISIONS, part.id, part.currentMeasure, number,
                    "part " + part.id + ", measure " + number + ": <divisions> " + formatNumber(divisions)
                            + " is declared after the bar's first notes; the bar was read with it"));
        }

        private void readNote() throws XMLStreamException {
            requirePart("note");
            if (++noteElements > maxNotes) {
                throw fail("The score has more than " + maxNotes + " notes, the configured limit (sib2ae.limits.max-notes)");
            }
            Location at = xml.getLocation();
            NoteFields note = new NoteFields();
            String defaultX = xml.getAttributeValue(null, "default-x");
            note.defaultX = defaultX == null ? null : parseDouble(defaultX, "default-x");
            note.printed = !"no".equals(xml.getAttributeValue(null, "print-object"));
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "grace" -> {
                            note.grace = true;
                            note.graceMark = new PlayingMarks.Grace("yes".equals(xml.getAttributeValue(null, "slash")),
                                    optionalNumber("steal-time-previous"), optionalNumber("steal-time-following"),
                                    optionalNumber("make-time") == null ? null : optionalNumber("make-time") / part.divisions);
                            depth++;
                        }
                        case "arpeggiate" -> {
                            note.arpeggio = new PlayingMarks.Arpeggio("down".equals(xml.getAttributeValue(null, "direction")),
                                    xml.getAttributeValue(null, "number"));
                            depth++;
                        }
                        case "tremolo" -> {
                            String type = xml.getAttributeValue(null, "type");
                            int marks = (int) parseLeadingNumber(xml.getElementText());
                            note.tremolo = new PlayingMarks.Tremolo(type == null ? "single" : type, Math.max(0, Math.min(8, marks)));
                        }
                        case "instrument" -> {
                            note.instrumentId = xml.getAttributeValue(null, "id");
                            depth++;
                        }
                        case "type" -> note.writtenQuarters = quartersOf(xml.getElementText().trim());
                        case "dot" -> {
                            note.dots++;
                            depth++;
                        }
                        case "cue" -> {
                            note.cue = true;
                            depth++;
                        }
                        case "chord" -> {
                            note.chord = true;
                            depth++;
                        }
                        case "rest" -> {
                            note.rest = true;
                            depth++;
                        }
                        case "unpitched" -> {
                            note.unpitched = true;
                            depth++;
                        }
                        case "step", "display-step" -> note.step = parseStep(xml.getElementText());
                        case "alter" -> note.alter = parseAlter(xml.getElementText());
                        case "octave", "display-octave" -> note.octave = parseOctave(xml.getElementText());
                        case "duration" -> note.duration = parseDouble(xml.getElementText(), "duration");
                        case "voice" -> note.voice = xml.getElementText().trim();
                        case "staff" -> note.staff = parseInt(xml.getElementText(), "staff");
                        case "tie", "tied" -> {
                            String type = xml.getAttributeValue(null, "type");
                            if ("start".equals(type) || "continue".equals(type)) {
                                note.tieStart = true;
                            }
                            if ("stop".equals(type) || "continue".equals(type)) {
                                note.tieStop = true;
                            }
                            depth++;
                        }
                        default -> depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (note.duration < 0) {
                throw failAt(at, "A note has a negative <duration>");
            }
            placeNote(note, at);
        }

        private void placeNote(NoteFields note, Location at) {
            double length = note.grace ? 0 : note.duration / part.divisions;
            double onset;
            int chordIndex;
            if (note.chord && part.lastNoteOnset != null) {
                onset = part.lastNoteOnset;
                chordIndex = ++part.chordIndex;
            } else {
                onset = part.position;
                chordIndex = 0;
                part.chordIndex = 0;
                part.lastNoteOnset = onset;
                part.moveBy(note.grace ? 0 : note.duration);
            }
            // Invisible notes (print-object="no") are playback helpers, such as a written-out tremolo:
            // they have no notehead, so they are not notated notes and get no universal ID.
            part.lastOnsets.merge(part.currentMeasure, onset, Math::max);
            if (note.rest || note.cue || !note.printed) {
                return;
            }
            part.unpitchedNotes += note.unpitched ? 1 : 0;
            part.pitchedNotes += note.unpitched ? 0 : 1;
            if (note.step == 0 && note.unpitched) {
                // <display-step> is optional for unpitched notes: they then stand on the middle line.
                note.step = 'B';
                note.octave = 4;
            } else if (note.step == 0) {
                throw failAt(at, "A pitched note has no <step>");
            }
            int written = PitchNames.midiNumber(note.step, note.alter, note.octave);
            int sounding = written + part.transposeChromatic + 12 * part.transposeOctave;
            if (sounding < 0 || sounding > 127) {
                throw failAt(at, "The note " + PitchNames.name(note.step, note.alter, note.octave)
                        + " sounds outside the MIDI range 0-127");
            }
            pending.add(new PendingNote(part, part.currentMeasure, onset, length, chordIndex, note, sounding,
                    part.velocity));
        }

        private double readDurationChild(String element) throws XMLStreamException {
            requirePart(element);
            double duration = 0;
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (xml.getLocalName().equals("duration")) {
                        duration = parseDouble(xml.getElementText(), "duration");
                        if (duration < 0) {
                            throw fail("<" + element + "> has a negative duration");
                        }
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return duration;
        }

        /** An attribute of the element at the cursor as a number, or null when absent or not a number. */
        private Double optionalNumber(String attribute) {
            String text = xml.getAttributeValue(null, attribute);
            if (text == null) {
                return null;
            }
            try {
                double value = Double.parseDouble(text.trim());
                return Double.isFinite(value) && value >= 0 ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private void readDirection() throws XMLStreamException {
            requirePart("direction");
            double position = part.position;
            Double soundTempo = null;
            Double metronomeTempo = null;
            double beatUnit = 0;
            int dots = 0;
            Double perMinute = null;
            StringBuilder words = new StringBuilder();
            boolean codaSign = false;
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    switch (name) {
                        case "sound" -> {
                            Double tempo = readSound(position);
                            soundTempo = tempo != null ? tempo : soundTempo;
                        }
                        case "beat-unit" -> beatUnit = beatUnit == 0 ? quartersOf(xml.getElementText().trim()) : beatUnit;
                        case "beat-unit-dot" -> {
                            dots++;
                            depth++;
                        }
                        case "per-minute" -> perMinute = parseLeadingNumber(xml.getElementText());
                        case "words" -> words.append(' ').append(xml.getElementText());
                        case "segno" -> {
                            // The sign is where a D.S. returns to, with or without a <sound segno>.
                            measure.jump = measure.jump.merge(new MeasureSpan.NavigationMark(true, false, false, false, false, false));
                            depth++;
                        }
                        case "coda" -> {
                            codaSign = true;
                            depth++;
                        }
                        case "p", "pp", "ppp", "pppp", "mp", "mf", "f", "ff", "fff", "ffff", "sf", "sfz", "fp", "sfp", "rf", "rfz", "fz" -> {
                            part.velocity = DynamicsVelocity.of(name, part.velocity);
                            depth++;
                        }
                        default -> depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            String text = words.toString().trim();
            boolean toCodaWords = JumpWords.recognise(text, true, false, true).filter(j -> j == JumpWords.Jump.TO_CODA).isPresent();
            if (codaSign && !toCodaWords) {
                // A coda sign beside "To Coda" marks the jump; elsewhere it marks the coda it jumps to.
                measure.jump = measure.jump.merge(new MeasureSpan.NavigationMark(false, true, false, false, false, false));
            }
            if (!text.isEmpty()) {
                jumpWords.add(new WordsCandidate(part, part.currentMeasure, position, text, codaSign));
            }
            if (perMinute != null && beatUnit > 0) {
                double dotted = beatUnit * (2 - Math.pow(0.5, dots));
                metronomeTempo = perMinute * dotted;
            }
            // <sound tempo> is the playback tempo; a metronome mark alone sets it too.
            Double tempo = soundTempo != null ? soundTempo : metronomeTempo;
            if (tempo != null && soundTempo == null && tempo > 0) {
                addTempo(position, tempo);
            }
        }

        /** Reads a {@code <sound>}: tempo, dynamics and navigation. Returns the tempo if it sets one. */
        private Double readSound(double position) {
            Double tempo = null;
            String tempoText = xml.getAttributeValue(null, "tempo");
            if (tempoText != null) {
                double value = parseLeadingNumber(tempoText);
                if (value > 0) {
                    tempo = value;
                    addTempo(position, value);
                }
            }
            String dynamics = xml.getAttributeValue(null, "dynamics");
            if (dynamics != null && part != null) {
                double percent = parseLeadingNumber(dynamics);
                // MusicXML: 100 is the velocity of a forte, which is 90 in MIDI terms.
                part.velocity = (int) Math.max(1, Math.min(127, Math.round(percent * 0.9)));
            }
            if (measure != null) {
                MeasureSpan.NavigationMark mark = new MeasureSpan.NavigationMark(
                        xml.getAttributeValue(null, "segno") != null,
                        xml.getAttributeValue(null, "coda") != null,
                        xml.getAttributeValue(null, "fine") != null,
                        "yes".equals(xml.getAttributeValue(null, "dacapo")),
                        xml.getAttributeValue(null, "dalsegno") != null,
                        xml.getAttributeValue(null, "tocoda") != null);
                measure.jump = measure.jump.merge(mark);
            }
            return tempo;
        }

        private void addTempo(double position, double bpm) {
            if (measure == null || part == null) {
                return;
            }
            tempoMarks.add(part.id, part.currentMeasure, position, bpm);
        }

        private void readBarline() throws XMLStreamException {
            if (measure == null) {
                return;
            }
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "repeat" -> {
                            String direction = xml.getAttributeValue(null, "direction");
                            if ("forward".equals(direction)) {
                                measure.forwardRepeat = true;
                            } else if ("backward".equals(direction)) {
                                String times = xml.getAttributeValue(null, "times");
                                int count = times == null ? 2 : Math.max(1, Math.min(16, (int) parseLeadingNumber(times)));
                                measure.backwardRepeatTimes = Math.max(measure.backwardRepeatTimes, count);
                            }
                            depth++;
                        }
                        case "ending" -> {
                            String type = xml.getAttributeValue(null, "type");
                            String number = xml.getAttributeValue(null, "number");
                            if ("start".equals(type)) {
                                activeEndingNumbers = number;
                                measure.endingNumbers = number;
                                measure.endingStarted = true;
                            } else if (activeEndingNumbers != null || measure.endingNumbers != null) {
                                measure.endingNumbers = measure.endingNumbers != null ? measure.endingNumbers : activeEndingNumbers;
                                measure.endingClosed = true;
                            }
                            depth++;
                        }
                        default -> depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private MusicXmlScore build() {
            if (parts.isEmpty()) {
                throw new ScoreInputException("The score has no parts", fileName);
            }
            int measureCount = parts.values().stream().mapToInt(p -> p.measureCount).max().orElse(0);
            for (PartBuilder builder : parts.values()) {
                builder.closeMeasure();
            }
            List<JumpFromWords> fromWords = applyJumpWords();
            List<MeasureSpan> spans = new ArrayList<>();
            double start = 0;
            String ending = null;
            for (int i = 0; i < measureCount; i++) {
                MeasureBuilder m = measureAt(i);
                double length = agreedLength(i);
                // Endings span from their start barline to their stop or discontinue barline.
                if (m.endingNumbers != null && !m.endingClosed) {
                    ending = m.endingNumbers;
                }
                String numbers = m.endingNumbers != null ? m.endingNumbers : ending;
                if (m.endingClosed) {
                    ending = null;
                }
                List<Integer> passes = parseEndingNumbers(numbers);
                if (numbers != null && passes.isEmpty()) {
                    // An ending without a readable number (number="") counts on from the ending before it.
                    List<Integer> previous = i > 0 ? spans.get(i - 1).endingNumbers() : List.of();
                    int last = previous.stream().mapToInt(Integer::intValue).max().orElse(0);
                    passes = m.endingStarted || previous.isEmpty() ? List.of(last + 1) : previous;
                }
                spans.add(new MeasureSpan(i, m.number == null ? String.valueOf(i + 1) : m.number, start, length,
                        m.implicit, m.forwardRepeat, m.backwardRepeatTimes, passes, m.jump));
                start += length;
            }
            List<ScorePart> scoreParts = parts.values().stream()
                    .map(p -> new ScorePart(p.id, p.index, p.name, p.instrumentName, p.program, p.channel, Math.max(1, p.staves),
                            List.copyOf(p.instruments), p.percussion || p.unpitchedNotes > 0 && p.pitchedNotes == 0))
                    .toList();
            List<NotatedNote> notes = new ArrayList<>(pending.size());
            for (PendingNote p : pending) {
                NoteFields f = p.fields;
                double notatedOnset = spans.get(p.measureIndex).notatedStart() + p.onset;
                notes.add(new NotatedNote(notes.size(), p.part.id, p.part.index, Math.max(1, f.staff),
                        f.voice == null ? "1" : f.voice, p.measureIndex, spans.get(p.measureIndex).number(),
                        round(p.onset), round(notatedOnset), round(p.length), p.chordIndex, f.grace, f.unpitched,
                        f.step, f.alter, f.octave, p.sounding, f.tieStart, f.tieStop, f.defaultX, p.velocity,
                        f.playingMarks()));
            }
            List<TempoMark> tempos = tempoMarks.inScoreOrder();
            if (tempos.isEmpty() || tempos.get(0).measureIndex() > 0 || tempos.get(0).offsetInMeasure() > 0) {
                double first = tempos.isEmpty() ? DEFAULT_TEMPO : tempos.get(0).quartersPerMinute();
                // Before the first mark the first mark's tempo applies; with none, 120.
                tempos.add(0, new TempoMark(0, 0, tempos.isEmpty() ? DEFAULT_TEMPO : first));
            }
            List<ScoreWarning> found = new ArrayList<>(warnings);
            for (PartBuilder builder : parts.values()) {
                for (int i = 0; i < measureCount; i++) {
                    MeasureSpan span = spans.get(i);
                    MeasureFill.check(builder.id, i, span.number(), builder.lengths.getOrDefault(i, 0.0),
                            builder.nominalLengths.getOrDefault(i, 0.0), span.implicit() || builder.freeMeasures.contains(i))
                            .ifPresent(found::add);
                }
            }
            String layoutProblem = layout.problem();
            return new MusicXmlScore(title, scoreParts, spans, notes, tempos, List.copyOf(found), fromWords,
                    layoutProblem == null ? layout.layout() : null, layoutProblem);
        }

        /**
         * Performs the jumps written only as words, where the measure's own {@code <sound>} does not
         * already play them; every part may repeat the words, and each jump counts once a measure.
         */
        private List<JumpFromWords> applyJumpWords() {
            List<JumpFromWords> result = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (WordsCandidate c : jumpWords) {
                double lastOnset = c.part().lastOnsets.getOrDefault(c.measureIndex(), 0.0);
                // At a bar end: no note of the bar begins after the words (they may hang on its last note).
                boolean atEnd = c.position() >= lastOnset - 1e-9;
                MeasureBuilder m = measureAt(c.measureIndex());
                JumpWords.recognise(c.text(), atEnd, c.position() < 1e-9, c.codaSign()).ifPresent(jump -> {
                    MeasureSpan.NavigationMark written = m.jump;
                    MeasureSpan.NavigationMark mark = switch (jump) {
                        case DA_CAPO -> new MeasureSpan.NavigationMark(false, false, false, true, false, false);
                        case DAL_SEGNO -> new MeasureSpan.NavigationMark(false, false, false, false, true, false);
                        case TO_CODA -> new MeasureSpan.NavigationMark(false, false, false, false, false, true);
                        case FINE -> new MeasureSpan.NavigationMark(false, false, true, false, false, false);
                        case CODA -> new MeasureSpan.NavigationMark(false, true, false, false, false, false);
                    };
                    if (written.merge(mark).equals(written)) {
                        return; // the file's <sound> already plays it (or the sign already marks it)
                    }
                    m.jump = written.merge(mark);
                    if (seen.add(c.measureIndex() + "|" + jump)) {
                        result.add(new JumpFromWords(c.measureIndex(), m.number == null ? String.valueOf(c.measureIndex() + 1) : m.number,
                                c.text(), jump));
                    }
                });
            }
            return List.copyOf(result);
        }

        /**
         * The length most parts give a measure. One part with an overfull measure (a tremolo
         * written with wrong durations, say) must not shift every later measure of the score.
         */
        private double agreedLength(int measureIndex) {
            Map<Double, Integer> votes = new HashMap<>();
            double nominal = 0;
            for (PartBuilder builder : parts.values()) {
                double length = builder.lengths.getOrDefault(measureIndex, 0.0);
                if (length > 0) {
                    votes.merge(length, 1, Integer::sum);
                }
                nominal = Math.max(nominal, builder.nominalLengths.getOrDefault(measureIndex, 0.0));
            }
            return votes.entrySet().stream()
                    .max(Map.Entry.<Double, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(nominal);
        }

        private void requirePart(String element) {
            if (part == null || measure == null) {
                throw fail("<" + element + "> stands outside a part's measure");
            }
        }

        private ScoreInputException fail(String reason) {
            return failAt(xml.getLocation(), reason);
        }

        private ScoreInputException failAt(Location at, String reason) {
            return new ScoreInputException(reason, fileName, at == null ? null : at.getLineNumber(),
                    at == null ? null : at.getColumnNumber(), null);
        }

        private int parseInt(String text, String element) {
            double value = parseDouble(text, element);
            if (Math.abs(value) > 1_000_000) {
                throw fail("<" + element + "> value " + text.trim() + " is out of range");
            }
            return (int) Math.round(value);
        }

        private double parseDouble(String text, String element) {
            try {
                double value = Double.parseDouble(text.trim());
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw fail("<" + element + "> holds '" + abbreviate(text) + "', which is not a number");
            }
        }

        private int parseTimeNumber(String text) {
            // Compound meters such as "3+2" add up.
            int total = 0;
            for (String piece : text.trim().split("\\+")) {
                try {
                    total += Integer.parseInt(piece.trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            return total;
        }

        private char parseStep(String text) {
            String step = text.trim().toUpperCase();
            if (step.length() != 1 || step.charAt(0) < 'A' || step.charAt(0) > 'G') {
                throw fail("<step> holds '" + abbreviate(text) + "', not a letter A-G");
            }
            return step.charAt(0);
        }

        private int parseAlter(String text) {
            double alter = parseDouble(text, "alter");
            if (Math.abs(alter) > MAX_ALTER) {
                throw fail("<alter> of " + abbreviate(text.trim()) + " semitones is out of range (at most "
                        + (int) MAX_ALTER + ")");
            }
            // Microtones sound at the nearest semitone, half-steps up.
            return (int) Math.floor(alter + 0.5);
        }

        private int parseOctave(String text) {
            int octave = parseInt(text, "octave");
            if (octave < 0 || octave > 9) {
                throw fail("<octave> " + octave + " is out of range 0-9");
            }
            return octave;
        }

        private double parseLeadingNumber(String text) {
            String trimmed = text.trim();
            int end = 0;
            while (end < trimmed.length() && (Character.isDigit(trimmed.charAt(end)) || trimmed.charAt(end) == '.')) {
                end++;
            }
            try {
                return end == 0 ? 0 : Double.parseDouble(trimmed.substring(0, end));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private static String abbreviate(String text) {
        String trimmed = text.trim();
        return trimmed.length() > 40 ? trimmed.substring(0, 40) + "…" : trimmed;
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    public static double round(double quarters) {
        // Keeps sums of divisions exact enough to compare and to hash, identically on every machine.
        return Math.round(quarters * 1e9) / 1e9;
    }

    private static double quartersOf(String noteType) {
        return switch (noteType) {
            case "maxima" -> 32;
            case "long" -> 16;
            case "breve" -> 8;
            case "whole" -> 4;
            case "half" -> 2;
            case "quarter" -> 1;
            case "eighth" -> 0.5;
            case "16th" -> 0.25;
            case "32nd" -> 0.125;
            case "64th" -> 0.0625;
            default -> 0;
        };
    }

    private static List<Integer> parseEndingNumbers(String numbers) {
        if (numbers == null) {
            return List.of();
        }
        List<Integer> result = new ArrayList<>();
        for (String piece : numbers.split("[,\\s]+")) {
            try {
                if (!piece.isBlank()) {
                    result.add(Integer.parseInt(piece.trim()));
                }
            } catch (NumberFormatException ignored) {
                // "1." or text endings: the digits we could read are enough
            }
        }
        return List.copyOf(result);
    }

    private static final class PartBuilder {
        final String id;
        final int index;
        final String name;
        final String instrumentName;
        final int program;
        final int channel;
        final Map<Integer, Double> lengths = new HashMap<>();
        final Map<Integer, Double> nominalLengths = new HashMap<>();
        final java.util.Set<Integer> freeMeasures = new java.util.HashSet<>();
        final List<ScorePart.Instrument> instruments = new ArrayList<>();
        /** The latest onset of any note or rest in each measure. */
        final Map<Integer, Double> lastOnsets = new HashMap<>();
        /**
         * The part list plays the part on channel 10 or names drum keys. Otherwise a part is percussion
         * when all its notes are unpitched: a percussion clef met on the way (12a, 34b) does not make a
         * pitched part a drum kit.
         */
        boolean percussion;
        int unpitchedNotes;
        int pitchedNotes;
        double divisions = 1;
        boolean divisionsDeclared;
        boolean timedInMeasure;
        boolean senzaMisura;
        int measurePendingStart;
        int staves = 1;
        int transposeChromatic;
        int transposeOctave;
        /** The bar length the time signature in force gives, in quarters. */
        double meterQuarters = 4;
        int velocity = DEFAULT_VELOCITY;
        int measureCount;
        int currentMeasure = -1;
        double position;
        double furthest;
        Double lastNoteOnset;
        int chordIndex;

        PartBuilder(String id, int index, String name, String instrumentName, int program, int channel) {
            this.id = id;
            this.index = index;
            this.name = name;
            this.instrumentName = instrumentName;
            this.program = program;
            this.channel = channel;
        }

        void beginMeasure(int measureIndex) {
            closeMeasure();
            currentMeasure = measureIndex;
            measureCount = Math.max(measureCount, measureIndex + 1);
            position = 0;
            furthest = 0;
            lastNoteOnset = null;
            chordIndex = 0;
            timedInMeasure = false;
        }

        void closeMeasure() {
            if (currentMeasure >= 0) {
                lengths.merge(currentMeasure, furthest, Math::max);
                nominalLengths.merge(currentMeasure, meterQuarters, Math::max);
                if (senzaMisura) {
                    freeMeasures.add(currentMeasure);
                }
            }
        }

        /** Moves the cursor by a duration in divisions; backup never goes before the measure start. */
        void moveBy(double durationDivisions) {
            position = Math.max(0, round(position + durationDivisions / divisions));
            furthest = Math.max(furthest, position);
            timedInMeasure |= durationDivisions != 0;
            if (durationDivisions < 0) {
                lastNoteOnset = null;
            }
        }
    }

    private static final class MeasureBuilder {
        final int index;
        String number;
        boolean implicit;
        boolean forwardRepeat;
        int backwardRepeatTimes;
        String endingNumbers;
        boolean endingStarted;
        boolean endingClosed;
        MeasureSpan.NavigationMark jump = MeasureSpan.NavigationMark.NONE;

        MeasureBuilder(int index) {
            this.index = index;
        }
    }

    private static final class NoteFields {
        boolean grace;
        boolean cue;
        boolean chord;
        boolean rest;
        boolean unpitched;
        boolean printed = true;
        char step;
        int alter;
        int octave = 4;
        double duration;
        String voice;
        int staff = 1;
        boolean tieStart;
        boolean tieStop;
        Double defaultX;
        PlayingMarks.Grace graceMark;
        PlayingMarks.Arpeggio arpeggio;
        PlayingMarks.Tremolo tremolo;
        String instrumentId;
        double writtenQuarters;
        int dots;

        PlayingMarks playingMarks() {
            double written = writtenQuarters * (2 - Math.pow(0.5, dots));
            if (graceMark == null && arpeggio == null && tremolo == null && instrumentId == null && written == 0) {
                return PlayingMarks.NONE;
            }
            return new PlayingMarks(grace ? graceMark : null, arpeggio, tremolo, instrumentId, written);
        }
    }

    /** Words of a direction that may be a jump, judged once the bar's notes are known. */
    private record WordsCandidate(PartBuilder part, int measureIndex, double position, String text, boolean codaSign) {
    }

    private record PendingNote(PartBuilder part, int measureIndex, double onset, double length, int chordIndex,
                               NoteFields fields, int sounding, int velocity) {
    }
}
