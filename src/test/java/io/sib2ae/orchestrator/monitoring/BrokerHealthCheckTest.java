package io.sib2ae.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sib2ae.orchestrator.EmbeddedBroker;
import io.sib2ae.orchestrator.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness check against a real Artemis broker: a broker that blocks its producers because its
 * disk is past its max-disk-usage makes the instance not ready, with the reason and the figures.
 * The disk is this machine's own, so "full" is produced by a limit below what any disk holding a
 * build uses (1%), and "not full" by the limit of 100%.
 */
class BrokerHealthCheckTest {

    @TempDir
    Path root;

    private EmbeddedBroker broker;
    private CamelContext context;
    private ActiveMQConnectionFactory factory;

    @AfterEach
    void stop() throws Exception {
        if (factory != null) {
            factory.close();
        }
        if (context != null) {
            context.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aBrokerPastItsMaxDiskUsageMakesTheInstanceNotReadyAndSaysWhy() throws Exception {
        HealthCheck.Result result = checkWithBrokerLimit(1);

        assertThat(result.getState()).as(result.getDetails().toString()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString()
                .contains("blocks every producer", "max-disk-usage of 1%", broker.url());
        assertThat((Double) result.getDetails().get("disk_usage_percent")).isGreaterThanOrEqualTo(1.0);
        assertThat(result.getDetails()).containsEntry("disk_max_usage_percent", 1);
    }

    @Test
    void aBrokerBelowItsLimitIsReadyAndReportsItsDisk() throws Exception {
        HealthCheck.Result result = checkWithBrokerLimit(100);

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat((Double) result.getDetails().get("disk_usage_percent")).isBetween(0.0, 100.0);
        assertThat(result.getDetails()).containsEntry("disk_max_usage_percent", 100)
                .containsEntry("node", "node-test").containsEntry("broker", broker.url());
    }

    @Test
    void anUnreachableBrokerIsDown() throws Exception {
        String url = "tcp://127.0.0.1:" + LoopbackPorts.free();
        HealthCheck.Result result = check(url).call(Map.of());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("cannot be reached");
    }

    /**
     * The check once the broker has measured its disk: it reads 0% until its first scan, which comes
     * after one scan period (100 ms here, 5 s in the product).
     */
    private HealthCheck.Result checkWithBrokerLimit(int maxDiskUsage) throws Exception {
        broker = new EmbeddedBroker(root.resolve("broker"), LoopbackPorts.free(), maxDiskUsage, 100);
        broker.start();
        BrokerHealthCheck check = check(broker.url());
        AtomicReference<HealthCheck.Result> result = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            result.set(check.call(Map.of()));
            return result.get().getDetails().get("disk_usage_percent") instanceof Double used && used > 0;
        });
        return result.get();
    }

    private BrokerHealthCheck check(String url) throws Exception {
        context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("node-test");
        cluster.setRoot(root.resolve("cluster").toString());
        context.addService(cluster);
        context.start();
        factory = new ActiveMQConnectionFactory(url + "?reconnectAttempts=0&initialConnectAttempts=1");
        BrokerHealthCheck check = new BrokerHealthCheck(factory, cluster, "sib2ae-leader", url);
        check.setCamelContext(context);
        return check;
    }
}
