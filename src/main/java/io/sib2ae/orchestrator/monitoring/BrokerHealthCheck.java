package io.sib2ae.orchestrator.monitoring;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Locale;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness in distributed mode: the instance is ready only while it can reach the broker its
 * notes come from, and while that broker takes messages. The details say whether this instance is
 * the leader (it takes the scores in, and holds their Scores MBeans), which node it is, and how full
 * the broker's disk is against the share at which it blocks every producer.
 *
 * <p>Why the disk: an Artemis broker whose journal's file system passes {@code max-disk-usage} (90% by
 * default) blocks every producer without an error, so a leader's note tasks simply stop going out and
 * scores stall; the broker's log says "Disk Full!", the instances said nothing. The usage is asked of
 * the broker itself, by a management request on the same connection (the role {@code scripts/artemis.sh}
 * creates may manage; the embedded broker has no login).
 */
public final class BrokerHealthCheck extends AbstractHealthCheck {

    /** How long a management request may take before the disk is reported as unknown. */
    private static final long MANAGEMENT_TIMEOUT_MS = 2_000;

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
            Disk disk = disk(connection);
            if (disk == null) {
                builder.detail("disk", "unknown: the broker did not answer a management request");
                builder.up();
                return;
            }
            builder.detail("disk_usage_percent", disk.usagePercent());
            builder.detail("disk_max_usage_percent", disk.maxUsagePercent());
            if (disk.full()) {
                builder.message(String.format(Locale.ROOT, "The broker %s blocks every producer: its disk is %.1f%% full,"
                        + " at or past its max-disk-usage of %d%%; notes stop going out until space is freed or"
                        + " the limit raised", url, disk.usagePercent(), disk.maxUsagePercent())).down();
                return;
            }
            builder.up();
        } catch (JMSException | RuntimeException e) {
            builder.message("The broker " + url + " cannot be reached: " + e.getMessage()).down();
        }
    }

    /** The broker's disk usage and its limit, as a percentage of the journal's file system. */
    record Disk(double usagePercent, int maxUsagePercent) {

        /** Whether the broker blocks its producers; a limit of -1 (or above 100) means it never does. */
        boolean full() {
            return maxUsagePercent >= 0 && maxUsagePercent <= 100 && usagePercent >= maxUsagePercent;
        }
    }

    /** Asks the broker, or null when it does not answer in time (an older broker, or no right to manage). */
    static Disk disk(Connection connection) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageConsumer consumer = session.createConsumer(replies);
                    MessageProducer producer = session.createProducer(session.createQueue("activemq.management"))) {
                // Not persistent: a broker whose disk is full still answers a request it need not store.
                producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
                Object usage = attribute(session, producer, consumer, replies, "DiskStoreUsage");
                Object max = attribute(session, producer, consumer, replies, "MaxDiskUsage");
                if (!(usage instanceof Number used) || !(max instanceof Number limit)) {
                    return null;
                }
                return new Disk(used.doubleValue() * 100, limit.intValue());
            } catch (JMSException e) {
                return null; // no consumer or producer on the management address: nothing to ask with
            } finally {
                replies.delete();
            }
        }
    }

    /** One attribute of the broker, asked on the management address; null when there is no answer. */
    private static Object attribute(Session session, MessageProducer producer, MessageConsumer consumer,
                                    TemporaryQueue replies, String name) {
        try {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.BROKER, name);
            request.setJMSReplyTo(replies);
            producer.send(request);
            Message reply = consumer.receive(MANAGEMENT_TIMEOUT_MS);
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                return null;
            }
            return JMSManagementHelper.getResult(reply);
        } catch (Exception e) {
            return null; // JMSManagementHelper.getResult declares Exception: a reply it cannot read
        }
    }
}
