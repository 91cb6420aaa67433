package io.sib2ae.orchestrator.intake;

import io.sib2ae.orchestrator.manifest.FileNames;
import io.sib2ae.orchestrator.score.ScoreSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Lets one version of a score be in work at a time: a later drop of the same score waits until
 * the exchange of the one in work completes (closed and committed, failed or stopped), so that it
 * is aligned with that version and never shares its staging folder. Other scores pass at once.
 *
 * <p>Camel's Throttler in concurrent-requests mode does the same, but a route holding one cannot be
 * dumped as XML (Camel 4.18 asks it for a time period it does not have), which Hawtio's route
 * diagram needs.
 */
public final class OneVersionAtATime implements Processor {

    private final Map<String, Semaphore> inWork = new ConcurrentHashMap<>();

    /** Waits for the score's turn; the body is the score's {@link ScoreSet}. */
    @Override
    public void process(Exchange exchange) throws InterruptedException, InvalidPayloadException {
        String score = FileNames.sanitize(exchange.getMessage().getMandatoryBody(ScoreSet.class).scoreName());
        Semaphore turn = inWork.computeIfAbsent(score, k -> new Semaphore(1));
        turn.acquire();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                turn.release();
            }
        });
    }
}
