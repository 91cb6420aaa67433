package io.sib2ae.orchestrator.notehead;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/** Test helper: the notehead targets of every pitched note of a small partwise MusicXML file. */
final class MusicXmlTargets {

    private MusicXmlTargets() {
    }

    static List<NoteheadTarget> read(Path musicXml) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<String> partOrder = new ArrayList<>();
        List<NoteheadTarget> targets = new ArrayList<>();
        try (InputStream in = Files.newInputStream(musicXml)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            String part = null;
            int measureIndex = -1;
            String measureNumber = null;
            long position = 0;
            long previousOnset = 0;
            int divisions = 1;
            int chordIndex = 0;
            // per-note state
            boolean rest = false, chord = false, grace = false;
            long duration = 0;
            char step = 'C';
            int octave = 0, alter = 0, staff = 1;
            Double defaultX = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    text.setLength(0);
                    switch (r.getLocalName()) {
                        case "score-part" -> partOrder.add(r.getAttributeValue(null, "id"));
                        case "part" -> {
                            part = r.getAttributeValue(null, "id");
                            measureIndex = -1;
                        }
                        case "measure" -> {
                            measureIndex++;
                            measureNumber = r.getAttributeValue(null, "number");
                            position = 0;
                        }
                        case "note" -> {
                            rest = chord = grace = false;
                            duration = 0;
                            alter = 0;
                            staff = 1;
                            String dx = r.getAttributeValue(null, "default-x");
                            defaultX = dx == null ? null : Double.valueOf(dx);
                        }
                        case "rest", "unpitched" -> rest = true;
                        case "chord" -> chord = true;
                        case "grace" -> grace = true;
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String v = text.toString().trim();
                    switch (r.getLocalName()) {
                        case "divisions" -> divisions = Integer.parseInt(v);
                        case "step" -> step = v.charAt(0);
                        case "octave" -> octave = Integer.parseInt(v);
                        case "alter" -> alter = (int) Math.round(Double.parseDouble(v));
                        case "staff" -> staff = Integer.parseInt(v);
                        case "duration" -> duration = Long.parseLong(v);
                        case "backup" -> position -= duration;
                        case "forward" -> position += duration;
                        case "note" -> {
                            long onset = chord ? previousOnset : position;
                            chordIndex = chord ? chordIndex + 1 : 0;
                            if (!rest) {
                                String accidental = alter > 0 ? "#".repeat(alter) : "b".repeat(-alter);
                                String id = part + "_m" + measureNumber + "_" + step + accidental + octave + "_" + targets.size();
                                targets.add(new NoteheadTarget(id, part, partOrder.indexOf(part), staff, measureIndex,
                                        measureNumber, (double) onset / divisions, chordIndex, step, octave, alter, grace,
                                        "" + step + accidental + octave, defaultX));
                            }
                            if (!chord && !grace) {
                                previousOnset = position;
                                position += duration;
                            } else if (!chord) {
                                previousOnset = position;
                            }
                        }
                        default -> { }
                    }
                    text.setLength(0);
                }
            }
        }
        return targets;
    }
}
