package io.sib2ae.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Artemis of a one-machine trial: a real server on a free loopback port. */
class EmbeddedBrokerTest {

    private static final String QUEUE = "sib2ae.embedded-test";

    @TempDir
    Path root;

    @Test
    void aPersistentMessageOutlivesARestartOfTheBroker() throws Exception {
        int port = LoopbackPorts.free();
        EmbeddedBroker broker = new EmbeddedBroker(root.resolve("broker"), port);
        broker.start();
        try {
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + port);
            send(broker.url(), "carried");
            assertThat(receive(broker.url())).isEqualTo("carried");
            send(broker.url(), "kept across a restart");
            broker.stop();
            assertThat(broker.isStarted()).isFalse();
            assertThat(Files.list(root.resolve("broker/journal"))).as("journal files").isNotEmpty();

            broker.start();
            assertThat(receive(broker.url())).isEqualTo("kept across a restart");
        } finally {
            broker.stop();
        }
        assertThat(LoopbackPorts.isFree(port)).isTrue();
    }

    @Test
    void aSecondBrokerOnTheSameJournalIsRefusedNotLeftWaiting() throws Exception {
        EmbeddedBroker first = new EmbeddedBroker(root.resolve("broker"), LoopbackPorts.free());
        EmbeddedBroker second = new EmbeddedBroker(root.resolve("broker"), LoopbackPorts.free());
        first.start();
        try {
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("with its journal in " + root.resolve("broker").toAbsolutePath())
                    .hasMessageContaining("another broker holds the journal's lock");
            assertThat(second.isStarted()).isFalse();
            assertThat(first.isStarted()).isTrue();
        } finally {
            first.stop();
        }
    }

    @Test
    void theInstanceRunsItsBrokerBeforeItsRoutesAndStopsItAfterCamel() throws Exception {
        int port = LoopbackPorts.free();
        Main main = application();
        main.addOverrideProperty("sib2ae.broker.embedded", "true");
        main.addOverrideProperty("sib2ae.broker.port", Integer.toString(port));
        // Stands for the distributed mode's wiring, configured after the broker: it reads the URL
        // and sends before a single route has started.
        main.configure().addConfiguration(SendsWhileConfiguring.class);

        main.start();
        EmbeddedBroker broker = main.getCamelContext().getRegistry().lookupByNameAndType("embeddedBroker", EmbeddedBroker.class);
        try {
            String url = "tcp://127.0.0.1:" + port;
            assertThat(main.getCamelContext().resolvePropertyPlaceholders("{{sib2ae.broker.url}}")).isEqualTo(url);
            assertThat(receive(url)).isEqualTo("sent while configuring, from " + url);
            assertThat(broker.isStarted()).isTrue();
            assertThat(root.resolve("work/broker/journal")).isDirectory();
        } finally {
            main.stop();
        }
        assertThat(broker.isStarted()).as("stopped with Camel").isFalse();
        assertThat(LoopbackPorts.isFree(port)).isTrue();
    }

    @Test
    void withoutThePropertyNoBrokerRuns() throws Exception {
        Main main = application();
        main.start();
        try {
            assertThat(main.getCamelContext().getRegistry().lookupByName("embeddedBroker")).isNull();
            assertThat(root.resolve("work/broker")).doesNotExist();
        } finally {
            main.stop();
        }
    }

    private Main application() {
        return TestApplication.under(root);
    }

    public static class SendsWhileConfiguring implements CamelConfiguration {

        @PropertyInject("sib2ae.broker.url")
        private String url;

        @Override
        public void configure(CamelContext context) throws Exception {
            send(url, "sent while configuring, from " + url);
        }
    }

    private static void send(String url, String text) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                JMSContext context = factory.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(context.createQueue(QUEUE), text);
        }
    }

    private static String receive(String url) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue(QUEUE);
            return context.createConsumer(queue).receiveBody(String.class, 10_000);
        }
    }
}
