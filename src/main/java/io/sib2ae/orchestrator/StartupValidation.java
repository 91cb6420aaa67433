package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.routes.DistributedMode;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/**
 * Refuses to start on settings that contradict each other or expose the service: a management
 * server open to the network unless asked for, a quiet period shorter than the read lock needs, a
 * leader takeover time too short to be kept.
 */
@Configuration
public class StartupValidation implements CamelConfiguration {

    @PropertyInject(value = "camel.management.host", defaultValue = "127.0.0.1")
    private String managementHost;
    @PropertyInject(value = "sib2ae.management.allow-remote", defaultValue = "false")
    private boolean allowRemote;
    @PropertyInject("sib2ae.intake.quiet-period-ms")
    private long quietPeriodMs;
    @PropertyInject("sib2ae.intake.read-lock-min-age-ms")
    private long readLockMinAgeMs;
    @PropertyInject("sib2ae.intake.read-lock-check-interval-ms")
    private long readLockCheckIntervalMs;
    @PropertyInject("sib2ae.intake.poll-delay-ms")
    private long pollDelayMs;
    @PropertyInject(value = "sib2ae.cluster.takeover", defaultValue = "15")
    private double takeoverSeconds;

    @Override
    public void configure(CamelContext context) {
        if (!isLoopback(managementHost) && !allowRemote) {
            throw new IllegalStateException("The management server would listen on " + managementHost
                    + ", which is not a loopback address; set sib2ae.management.allow-remote=true to allow it");
        }
        // A quiet period shorter than it takes the read lock to release the next file of the
        // same score would close the score without it.
        // The new leader's consumers take about two seconds to start once it has the lock; below three
        // seconds the heartbeats would have to come so often that a busy leader would be taken for dead.
        if (DistributedMode.on(context) && takeoverSeconds < 3) {
            throw new IllegalStateException("sib2ae.cluster.takeover (" + takeoverSeconds + " s) must be at least 3 s");
        }
        long settle = readLockMinAgeMs + 2 * readLockCheckIntervalMs + pollDelayMs;
        if (quietPeriodMs < settle) {
            throw new IllegalStateException("sib2ae.intake.quiet-period-ms (" + quietPeriodMs + ") must be at least "
                    + settle + " ms: read-lock-min-age + 2 x read-lock-check-interval + poll-delay");
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
