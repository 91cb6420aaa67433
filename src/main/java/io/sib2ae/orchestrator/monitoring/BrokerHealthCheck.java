package io.sib2ae.orchestrator.monitoring;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.Map;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness in distributed mode: the instance is ready only while it can reach the broker its
 * notes come from. The details say whether this instance is the leader (it takes the scores in,
 * and holds their Scores MBeans) and which node it is.
 */
public final class BrokerHealthCheck extends AbstractHealthCheck {

    private final ConnectionFactory broker;
    private final CamelClusterService cluster;
    private final String namespace;
    private final String url;

    public BrokerHealthCheck(ConnectionFactory broker, CamelClusterService cluster, String namespace, String url) {
        super("sib2ae", "broker");
        this.broker = broker;
        this.cluster = cluster;
        this.namespace = namespace;
        this.url = url;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("broker", url);
        builder.detail("node", cluster.getId());
        builder.detail("leader", cluster.isLeader(namespace));
        try (Connection connection = broker.createConnection()) {
            connection.start();
            builder.up();
        } catch (JMSException | RuntimeException e) {
            builder.message("The broker " + url + " cannot be reached: " + e.getMessage()).down();
        }
    }
}
