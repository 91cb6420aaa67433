package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.NotatedNote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds tie chains, across barlines and inside chords. A tie joins notes of the same part and
 * sounding pitch, so a tie inside a chord follows its own pitch.
 */
public final class TieChains {

    private TieChains() {
    }

    /** The tied groups of a score, in score order, numbered {@code tied_group_1}, … */
    public static List<TiedGroup> find(List<NotatedNote> notes) {
        List<NotatedNote> ordered = new ArrayList<>(notes);
        ordered.sort(Comparator.comparingInt(NotatedNote::partIndex).thenComparingDouble(NotatedNote::notatedOnset)
                // At one onset a stop must close its chain before another note of the pitch could end it.
                .thenComparing(n -> !n.tieStop()).thenComparingInt(NotatedNote::documentIndex));
        Map<String, List<NotatedNote>> open = new HashMap<>();
        List<List<NotatedNote>> chains = new ArrayList<>();
        for (NotatedNote note : ordered) {
            if (note.grace()) {
                continue;
            }
            String key = note.partId() + "|" + note.soundingPitch();
            List<NotatedNote> chain = note.tieStop() ? open.remove(key) : null;
            if (chain == null && !note.tieStop()) {
                // A new attack of the pitch once the tied note has ended means the tie was never
                // stopped: the chain ends there rather than jumping over this note to a later stop.
                List<NotatedNote> dangling = open.get(key);
                if (dangling != null && note.notatedOnset() >= dangling.get(dangling.size() - 1).notatedEnd() - 1e-9) {
                    open.remove(key);
                }
            }
            if (chain == null && note.tieStart()) {
                chain = new ArrayList<>();
                chains.add(chain);
            }
            if (chain == null) {
                continue;
            }
            chain.add(note);
            if (note.tieStart()) {
                open.put(key, chain);
            }
        }
        List<List<NotatedNote>> real = chains.stream().filter(c -> c.size() > 1).toList();
        List<List<NotatedNote>> sorted = new ArrayList<>(real);
        sorted.sort(Comparator.comparingDouble((List<NotatedNote> c) -> c.get(0).notatedOnset())
                .thenComparingInt(c -> c.get(0).partIndex()).thenComparingInt(c -> c.get(0).documentIndex()));
        List<TiedGroup> groups = new ArrayList<>(sorted.size());
        for (List<NotatedNote> chain : sorted) {
            groups.add(new TiedGroup("tied_group_" + (groups.size() + 1), List.copyOf(chain)));
        }
        return groups;
    }

    /** Each tied note's group, keyed by document index. */
    public static Map<Integer, TiedGroup> byNote(List<TiedGroup> groups) {
        Map<Integer, TiedGroup> index = new LinkedHashMap<>();
        for (TiedGroup group : groups) {
            for (NotatedNote member : group.members()) {
                index.put(member.documentIndex(), group);
            }
        }
        return index;
    }
}
