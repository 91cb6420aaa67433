package io.sib2ae.orchestrator;

import java.nio.file.Path;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.slf4j.LoggerFactory;

/**
 * With {@code sib2ae.broker.embedded=true}, runs an {@link EmbeddedBroker} for the instance's
 * lifetime: started before the routes, its journal under {@code {{sib2ae.work}}/broker}, and
 * stopped only once Camel has stopped, so the JMS consumers and producers close before their broker
 * goes. {@code sib2ae.broker.url} then defaults to its acceptor. Without the property, nothing.
 */
@Configuration
public class EmbeddedBrokerConfiguration implements CamelConfiguration, CamelContextAware {

    @PropertyInject(value = "sib2ae.broker.embedded", defaultValue = "false")
    private boolean embedded;
    @PropertyInject(value = "sib2ae.broker.port", defaultValue = "61616")
    private int port;
    @PropertyInject("sib2ae.work")
    private String work;
    @PropertyInject(value = "sib2ae.broker.max-disk-usage", defaultValue = "" + EmbeddedBroker.DEFAULT_MAX_DISK_USAGE)
    private int maxDiskUsage;

    private CamelContext context;
    private EmbeddedBroker broker;

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    /**
     * Started here, while Camel Main builds its configurations one by one, not in {@link #configure}:
     * Main injects every configuration's properties before it calls any configure(), and the
     * configurations after this one (App lists it early) must read {@code sib2ae.broker.url} as
     * this broker's.
     */
    @BindToRegistry(value = "embeddedBroker", destroyMethod = "")
    public EmbeddedBroker embeddedBroker() throws Exception {
        // Camel Main calls this method more than once (as it post-processes the configuration, then
        // as it binds its beans); a second broker on the same journal would wait for the first's lock.
        if (!embedded || broker != null) {
            return broker;
        }
        broker = new EmbeddedBroker(Path.of(work).resolve("broker"), port, maxDiskUsage, EmbeddedBroker.DEFAULT_DISK_SCAN_PERIOD_MS);
        broker.start();
        if (context.getPropertiesComponent().resolveProperty("sib2ae.broker.url").orElse("").isBlank()) {
            // An override, not a default: an empty sib2ae.broker.url in a properties file would win over a default.
            context.getPropertiesComponent().addOverrideProperty("sib2ae.broker.url", broker.url());
        }
        context.getManagementStrategy().addEventNotifier(new StopBrokerAfterCamel(broker));
        LoggerFactory.getLogger("sib2ae.broker").info(
                "Embedded Artemis broker on {} (journal in {}): for a one-machine trial; it stops with this instance",
                broker.url(), broker.dataFolder());
        return broker;
    }

    @Override
    public void configure(CamelContext camelContext) {
        // Everything happens in embeddedBroker(), before the later configurations are built.
    }

    /** Stops the broker, if one was started, when Camel failed to start: no CamelContextStoppedEvent will come. */
    static void stopAfterFailedStart(CamelContext context) throws Exception {
        EmbeddedBroker started = context == null ? null
                : context.getRegistry().lookupByNameAndType("embeddedBroker", EmbeddedBroker.class);
        if (started != null) {
            started.stop();
        }
    }

    /** Stops the broker on Camel's last event, when every route, consumer and component has stopped. */
    private static final class StopBrokerAfterCamel extends SimpleEventNotifierSupport {

        private final EmbeddedBroker broker;

        StopBrokerAfterCamel(EmbeddedBroker broker) {
            this.broker = broker;
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.CamelContextStoppedEvent;
        }

        @Override
        public void notify(CamelEvent event) throws Exception {
            broker.stop();
        }
    }
}
