package io.sib2ae.orchestrator.monitoring;

import io.sib2ae.orchestrator.manifest.ScoreStatus;
import io.sib2ae.orchestrator.run.ScoreRun;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers an MBean per score, {@code io.sib2ae:type=Scores,name=<score>}, beside Camel's own
 * route and processor MBeans. Finished scores stay visible until newer ones push them out.
 */
public final class ScoreMBeans implements ScoreProgressListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreMBeans.class);
    private static final int FINISHED_KEPT = 50;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Supplier<String> breakerState;
    private final Deque<ObjectName> finished = new ArrayDeque<>();
    private final Map<ScoreRun, ScoreProgress> inWork = new ConcurrentHashMap<>();

    public ScoreMBeans(Supplier<String> breakerState) {
        this.breakerState = breakerState;
    }

    @Override
    public void started(ScoreRun run) {
        ScoreProgress progress = new ScoreProgress(run, breakerState);
        inWork.put(run, progress);
        try {
            ObjectName name = nameOf(run);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(progress, name);
        } catch (JMException e) {
            LOG.warn("Could not register the JMX view of score {}: {}", run.scoreName(), e.getMessage());
        }
    }

    @Override
    public void finished(ScoreRun run, ScoreStatus status) {
        ScoreProgress progress = inWork.remove(run);
        if (progress == null) {
            return;
        }
        progress.finish(status);
        synchronized (finished) {
            try {
                finished.addLast(nameOf(run));
                while (finished.size() > FINISHED_KEPT) {
                    ObjectName oldest = finished.removeFirst();
                    if (server.isRegistered(oldest)) {
                        server.unregisterMBean(oldest);
                    }
                }
            } catch (JMException e) {
                LOG.debug("Could not retire an old score MBean: {}", e.getMessage());
            }
        }
    }

    public static ObjectName nameOf(ScoreRun run) throws JMException {
        return new ObjectName("io.sib2ae:type=Scores,name=" + ObjectName.quote(run.scoreName()));
    }
}
