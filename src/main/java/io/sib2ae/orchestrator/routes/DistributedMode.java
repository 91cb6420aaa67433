package io.sib2ae.orchestrator.routes;

import org.apache.camel.CamelContext;

/**
 * Whether this instance runs in distributed mode ({@code sib2ae.broker.url} is set), and the names
 * the instances share: the broker's queues and the cluster namespace whose one leader takes the
 * scores in. Without a broker, nothing here is used and the routes are the in-process ones.
 */
public final class DistributedMode {

    /** Every note's work ({@code NoteTask}), consumed by every instance. */
    public static final String NOTES_QUEUE = "sib2ae.notes";
    /** The workers' reports ({@code NoteReport}), consumed by the leader. */
    public static final String DONE_QUEUE = "sib2ae.notes.done";
    /** Note tasks that failed on every delivery, with the reason in the {@value #FAILURE_HEADER} header. */
    public static final String DEAD_LETTER_QUEUE = "sib2ae.notes.dead";
    public static final String FAILURE_HEADER = "Sib2AeFailure";
    /** One namespace for every leader-only route, so that one instance holds them all. */
    public static final String LEADER_NAMESPACE = "sib2ae-leader";

    private DistributedMode() {
    }

    public static boolean on(CamelContext context) {
        return context.getPropertiesComponent().resolveProperty("sib2ae.broker.url").filter(url -> !url.isBlank()).isPresent();
    }

    /** The consumer URI, behind the leader election ({@code master:}) in distributed mode. */
    public static String onLeaderOnly(CamelContext context, String uri) {
        return on(context) ? "master:" + LEADER_NAMESPACE + ":" + uri : uri;
    }

    static String queue(String name) {
        return "jms:queue:" + name;
    }
}
