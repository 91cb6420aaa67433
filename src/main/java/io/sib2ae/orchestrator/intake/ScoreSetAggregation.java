package io.sib2ae.orchestrator.intake;

import io.sib2ae.orchestrator.score.ScoreSet;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The Aggregator's strategy: folds claimed files into the {@link ScoreSet} of their score.
 * A set is complete once MusicXML, MIDI and SVG have all arrived.
 */
public final class ScoreSetAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange collected, Exchange arriving) {
        WorkArea.ClaimedFile file = arriving.getMessage().getBody(WorkArea.ClaimedFile.class);
        Exchange target = collected == null ? arriving : collected;
        ScoreSet set = collected == null ? ScoreSet.empty(file.groupKey(), true) : collected.getMessage().getBody(ScoreSet.class);
        target.getMessage().setBody(set.with(file.kind(), file.path()));
        return target;
    }

    /** Completion predicate: close the set at once when all three kinds of file are in. */
    public static boolean isComplete(ScoreSet set) {
        return set.isComplete();
    }
}
