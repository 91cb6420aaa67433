package io.sib2ae.orchestrator.routes;

/**
 * The exchange properties the routes carry, named once. What a step needs arrives in the body or
 * in one of these, set by a step the route shows.
 */
public final class ExchangeProperties {

    /** The score's input files ({@code ScoreSet}): what the score-errors handler quarantines. */
    public static final String SCORE_SET = "scoreSet";
    /** The score in work ({@code ScoreRun}), for the steps after the split. */
    public static final String SCORE_RUN = "scoreRun";
    /** The hop a note is in ({@code Stage}), set by each hop route: a failure is recorded on it. */
    public static final String HOP = "hop";

    private ExchangeProperties() {
    }
}
