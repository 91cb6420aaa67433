package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sib2ae.orchestrator.monitoring.BrokerHealthCheck;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/artemis.sh}, as the README tells a studio to run its broker: the real standalone
 * Artemis, fetched through Maven and unpacked once (under ~/.cache/sib2ae/artemis, so a second run
 * of this test does not unpack again), reached with the Jakarta JMS client the instances use.
 */
class ArtemisScriptTest {

    private static final Path SCRIPT = Path.of("scripts/artemis.sh").toAbsolutePath();

    @TempDir
    Path root;

    private Path instance;

    @AfterEach
    void stopWhateverIsLeft() throws Exception {
        if (instance != null) {
            script("stop", instance);
        }
    }

    @Test
    void startsAPersistentBrokerThatCarriesMessagesAndStopsFreeingItsPort() throws Exception {
        int port = LoopbackPorts.free();
        instance = root.resolve("broker");
        String url = "tcp://127.0.0.1:" + port;

        Result started = script("start", instance, "--port", Integer.toString(port));
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.output()).contains("started: pid", url);
        assertThat(script("start", instance).output()).as("start when running").contains("already running", url);
        assertThat(script("status", instance)).satisfies(s -> {
            assertThat(s.exit()).isZero();
            assertThat(s.output()).contains("running: pid", url);
        });

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, "sib2ae", "sib2ae");
                JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue("sib2ae.script-test");
            context.createProducer().send(queue, "carried");
            assertThat(context.createConsumer(queue).receiveBody(String.class, 10_000)).isEqualTo("carried");
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, "kept across a restart");
        }
        try (ActiveMQConnectionFactory stranger = new ActiveMQConnectionFactory(url, "sib2ae", "wrong")) {
            assertThatThrownBy(stranger::createContext).as("login is required").isInstanceOf(JMSSecurityRuntimeException.class);
        }

        Result stopped = script("stop", instance);
        assertThat(stopped.exit()).as(stopped.output()).isZero();
        assertThat(LoopbackPorts.isFree(port)).as("port %d free once stopped", port).isTrue();
        assertThat(script("stop", instance)).as("stop when stopped").satisfies(s -> {
            assertThat(s.exit()).isZero();
            assertThat(s.output()).contains("not running");
        });
        assertThat(script("status", instance).exit()).isEqualTo(3);

        // The same instance again: its journal kept the persistent message, and it keeps its port.
        assertThat(script("start", instance).exit()).isZero();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, "sib2ae", "sib2ae");
                JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue("sib2ae.script-test");
            assertThat(context.createConsumer(queue).receiveBody(String.class, 10_000)).isEqualTo("kept across a restart");
        }
        assertThat(script("stop", instance).exit()).isZero();
        assertThat(LoopbackPorts.isFree(port)).isTrue();
    }

    @Test
    void aBrokerStartedWithAMaxDiskUsageItHasPassedMakesTheInstancesNotReady() throws Exception {
        int port = LoopbackPorts.free();
        instance = root.resolve("broker");
        String url = "tcp://127.0.0.1:" + port;
        assertThat(script("start", instance, "--max-disk-usage", "0")).as("not a percentage").satisfies(s -> {
            assertThat(s.exit()).isEqualTo(2);
            assertThat(s.output()).contains("--max-disk-usage 0: a percentage from 1 to 100, or -1 for no limit");
        });

        // Any disk a build runs on is past 1%: the broker blocks its producers at its first disk scan.
        Result started = script("start", instance, "--port", Integer.toString(port), "--max-disk-usage", "1");
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(Files.readString(instance.resolve("etc/broker.xml"))).contains("<max-disk-usage>1</max-disk-usage>");

        CamelContext context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("node-a");
        cluster.setRoot(root.resolve("cluster").toString());
        context.addService(cluster);
        context.start();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, "sib2ae", "sib2ae")) {
            BrokerHealthCheck check = new BrokerHealthCheck(factory, cluster, "sib2ae-leader", url);
            check.setCamelContext(context);
            // The standalone broker scans its disk every 5 s; until then it reports 0%.
            AtomicReference<HealthCheck.Result> result = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                result.set(check.call(Map.of()));
                return result.get().getState() == HealthCheck.State.DOWN;
            });
            assertThat(result.get().getMessage()).get().asString().contains("blocks every producer", "max-disk-usage of 1%");
            assertThat(result.get().getDetails()).containsEntry("disk_max_usage_percent", 1);
        } finally {
            context.stop();
        }
    }

    private record Result(int exit, String output) {
    }

    private Result script(String command, Path dir, String... options) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(SCRIPT.toString(), command, dir.toString()));
        line.addAll(List.of(options));
        Path output = Files.createTempFile(root, command, ".out");
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("ARTEMIS_MEMORY", "256M");
        Process process = builder.start();
        // The first run on a machine may fetch the distribution (47 MB) through Maven.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("scripts/artemis.sh " + command + " did not return: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
