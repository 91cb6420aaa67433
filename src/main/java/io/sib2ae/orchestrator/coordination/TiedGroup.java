package io.sib2ae.orchestrator.coordination;

import io.sib2ae.orchestrator.score.NotatedNote;
import java.util.List;

/** A chain of notes joined by ties: one sound, drawn as several noteheads. */
public record TiedGroup(String groupId, List<NotatedNote> members) {

    public NotatedNote primary() {
        return members.get(0);
    }

    public double notatedEnd() {
        return members.get(members.size() - 1).notatedEnd();
    }
}
