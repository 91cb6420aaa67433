package io.sib2ae.orchestrator.routes;

import static io.sib2ae.orchestrator.routes.DistributedMode.DONE_QUEUE;
import static io.sib2ae.orchestrator.routes.DistributedMode.NOTES_QUEUE;
import static io.sib2ae.orchestrator.routes.DistributedMode.queue;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.NOTEHEADS;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.NOTE_TASK;
import static io.sib2ae.orchestrator.routes.ExchangeProperties.SCORE_RUN;

import io.sib2ae.orchestrator.run.NoteReport;
import io.sib2ae.orchestrator.run.NoteTask;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

/**
 * Distributed mode, over the broker: the leader's Splitter sends each note's work to the persistent
 * queue {@code sib2ae.notes}; every instance's workers take notes from it in transacted sessions and
 * run them through the same hops ({@code direct:note-hops}); each note's report goes to
 * {@code sib2ae.notes.done}, where the leader's Aggregator closes a score once all its notes have
 * reported. The leader also resumes, on taking over, the scores an earlier leader left in work/.
 * Without {@code sib2ae.broker.url} this builder adds no route.
 */
public class NoteQueueRoutes extends RouteBuilder {

    @Override
    public void configure() {
        if (!DistributedMode.on(getContext())) {
            return;
        }

        // The leader's side of the score route (ScoreRoutes calls it in place of its split): a run id and
        // its shared file, one task per note, in order; then the score route waits, as it waits for its
        // split in-process, until every note has reported, and goes on to close the score itself (so
        // its one-version-at-a-time permit and the bound on scores in flight hold as they do in-process).
        from("direct:distribute-notes")
                .routeId("notes-distribute")
                .split(method("scoresInFlight", "register(${exchangeProperty." + SCORE_RUN + "})")).id("split-per-note-to-queue")
                    .marshal().json()
                    .to(ExchangePattern.InOnly, queue(NOTES_QUEUE)).id("enqueue-note")
                .end()
                .bean("scoresInFlight", "awaitReports(${exchangeProperty." + SCORE_RUN + "})").id("await-note-reports"); // -> ScoreRun

        // Every instance's workers. Transacted: a worker that dies before the commit leaves its note to be
        // delivered again, to another; a task that fails is rolled back, up to the dead-letter queue
        // (note-task-errors). CACHE_CONSUMER keeps each worker's session and consumer across messages.
        from(queue(NOTES_QUEUE) + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER")
                .routeId("note-worker")
                .routeConfigurationId("note-task-errors")
                .unmarshal().json(NoteTask.class).id("read-note-task")
                .setProperty(NOTE_TASK, body()).id("keep-note-task")
                .filter(method("sharedScores", "stale")).id("drop-stale-task")
                    .log("Dropped note ${body.universalId()}: its run ${body.runId} is closed, or planned again by a new leader")
                    .stop()
                .end()
                .setProperty(NOTEHEADS, method("sharedScores", "noteheads")).id("find-score-noteheads")
                .bean("sharedScores", "noteWork").id("rebuild-note-work")                   // NoteTask -> NoteWork
                .to("direct:note-hops").id("take-note-through-hops")
                .bean("sharedScores", "throughHops(${exchangeProperty." + NOTE_TASK + "})").id("note-through-hops")
                .marshal().json()
                .removeHeaders("JMSX*")
                .to(ExchangePattern.InOnly, queue(DONE_QUEUE)).id("send-note-report");

        // The leader's Aggregator by score: each note's first report is read back into its run and
        // counted; the last one lets the score route go on to the close (ScoresInFlight.awaitReports).
        from(DistributedMode.onLeaderOnly(getContext(), queue(DONE_QUEUE) + "?concurrentConsumers=1"))
                .routeId("notes-done")
                .unmarshal().json(NoteReport.class).id("read-note-report")
                .bean("scoresInFlight", "record").id("record-note-report")                 // -> NoteWork, or null
                .filter(body().isNotNull()).id("first-report-of-a-note-in-flight")
                    .bean("progressReporter", "noteFinished(${body})").id("report-note-finished-on-leader")
                    .bean("scoresInFlight", "counted").id("note-counted")
                .end();

        // On becoming the leader (first start or a takeover): an earlier leader's runs are forgotten and
        // their inputs put back from work/ into the inbox, as crash recovery does, so those scores are
        // planned again here and their verified hops skipped. Temporary files are not swept: the
        // workers are writing theirs on the shared folder at this moment.
        from(DistributedMode.onLeaderOnly(getContext(), "timer:leader-takeover?repeatCount=1&delay=0"))
                .routeId("leader-takeover")
                .bean("scoresInFlight", "forgetEarlierRuns").id("forget-earlier-runs")
                .bean("workArea", "recoverInputs").id("resume-scores-in-work")
                .log("This instance now leads intake: ${body} input file(s) put back from work/ into the inbox");
    }
}
