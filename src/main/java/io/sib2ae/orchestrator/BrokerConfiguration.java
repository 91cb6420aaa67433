package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.coordination.NoteCoordinator;
import io.sib2ae.orchestrator.intake.Folders;
import io.sib2ae.orchestrator.intake.SharedScores;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.monitoring.BrokerHealthCheck;
import io.sib2ae.orchestrator.notehead.NoteheadHop;
import io.sib2ae.orchestrator.routes.DistributedMode;
import io.sib2ae.orchestrator.run.NoteHops;
import io.sib2ae.orchestrator.run.ScoresInFlight;
import io.sib2ae.orchestrator.score.ScoreReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Distributed mode, when {@code sib2ae.broker.url} is set: the JMS connection factory to Apache
 * ActiveMQ Artemis (bean {@value #CONNECTION_FACTORY}), Camel's {@code jms} component on it, and the
 * file-lock cluster service on the shared folder that elects the one instance taking scores in.
 * Without a broker it adds nothing, and the service runs in-process as it always has.
 */
@Configuration
public class BrokerConfiguration implements CamelConfiguration {

    /** The bean name of the broker's connection factory; an embedded broker points the URL at itself first. */
    public static final String CONNECTION_FACTORY = "sib2aeConnectionFactory";
    /** Heartbeats a leader may miss before another instance takes over (FileLockClusterService). */
    private static final int MISSED_HEARTBEATS = 3;
    /**
     * What the takeover time keeps for the new leader to start its leader-only consumers
     * (milliseconds): camel-master starts each about a second after the leadership is won.
     */
    private static final long START_LEADER_ROUTES_MS = 2000;

    @PropertyInject(value = "sib2ae.broker.url", defaultValue = "")
    private String url;
    @PropertyInject(value = "sib2ae.broker.user", defaultValue = "")
    private String user;
    @PropertyInject(value = "sib2ae.broker.password", defaultValue = "")
    private String password;
    @PropertyInject(value = "sib2ae.note-workers", defaultValue = "0")
    private int noteWorkers;
    @PropertyInject(value = "sib2ae.cluster.root", defaultValue = "")
    private String clusterRoot;
    @PropertyInject(value = "sib2ae.cluster.takeover", defaultValue = "15")
    private double takeoverSeconds;
    @PropertyInject(value = "sib2ae.node.name", defaultValue = "")
    private String node;

    @Override
    public void configure(CamelContext context) throws Exception {
        if (!DistributedMode.on(context)) {
            return;
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, blankToNull(user), blankToNull(password));
        // No client-side buffering: a worker holds only the note it renders, so notes spread over every
        // instance, and a worker that dies takes no queue of unstarted notes down with it.
        factory.setConsumerWindowSize(0);
        context.getRegistry().bind(CONNECTION_FACTORY, factory);

        JmsComponent jms = JmsComponent.jmsComponent(factory);
        // The workers' listeners keep their own sessions; sends (tasks, reports) reuse cached ones.
        jms.getConfiguration().setTemplateConnectionFactory(new CachingConnectionFactory(factory));
        jms.getConfiguration().setConcurrentConsumers(noteWorkers > 0 ? noteWorkers : 2 * Runtime.getRuntime().availableProcessors());
        context.addComponent("jms", jms);

        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(nodeName(node));
        cluster.setRoot(clusterRoot);
        // The leader writes a heartbeat every interval; the others take over once it has missed
        // MISSED_HEARTBEATS of them, and notice at their next attempt: MISSED_HEARTBEATS + 1 intervals
        // at worst, leaving START_LEADER_ROUTES for the new leader's routes to start, within the takeover time.
        long interval = Math.max(200, Math.round((takeoverSeconds * 1000 - START_LEADER_ROUTES_MS) / (MISSED_HEARTBEATS + 1)));
        cluster.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockDelay(1, TimeUnit.MILLISECONDS);
        cluster.setHeartbeatTimeoutMultiplier(MISSED_HEARTBEATS);
        context.addService(cluster);

        // Readiness: the broker answers; the details say whether this instance leads intake.
        context.getRegistry().bind("brokerHealthCheck", new BrokerHealthCheck(factory, cluster, DistributedMode.LEADER_NAMESPACE, url));
    }

    /** The leader's scores out on the queue, and their shared files under work/runs. */
    @BindToRegistry(value = "scoresInFlight", lazy = true)
    public ScoresInFlight scoresInFlight(ManifestStore manifests, Folders folders, CamelContext context) {
        return new ScoresInFlight(manifests, folders.work().resolve("runs"),
                () -> context.getStatus().isStopping() || context.getStatus().isStopped());
    }

    /** A worker's copies of the scores whose notes it takes from the queue. */
    @BindToRegistry(value = "sharedScores", lazy = true)
    public SharedScores sharedScores(ScoresInFlight runs, ScoreReader reader, NoteCoordinator coordinator, NoteheadHop noteheads,
                                     ManifestStore manifests, NoteHops noteHops) {
        return new SharedScores(runs, reader, coordinator, noteheads, manifests, noteHops, nodeName(node));
    }

    /** {@code sib2ae.node.name}, else the host name and the process id: unique per instance, readable in manifests. */
    static String nodeName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
