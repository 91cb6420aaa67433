package io.sib2ae.orchestrator;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Apache ActiveMQ Artemis broker inside this instance ({@code sib2ae.broker.embedded=true}), for
 * a one-machine trial of the distributed mode: a persistent journal in one folder and one CORE
 * acceptor on the loopback address. It dies with the instance, so it is not for production; a
 * studio runs its broker with {@code scripts/artemis.sh}.
 */
public final class EmbeddedBroker {

    private static final String HOST = "127.0.0.1";
    private static final long LOCK_TIMEOUT_MS = 5_000;

    /** Artemis's own default, and what `artemis create` writes: producers block at 90% disk usage. */
    public static final int DEFAULT_MAX_DISK_USAGE = 90;
    /** How often the broker measures its disk, as `artemis create` writes it. */
    public static final long DEFAULT_DISK_SCAN_PERIOD_MS = 5_000;

    private final Path dataFolder;
    private final int port;
    private final int maxDiskUsage;
    private final long diskScanPeriodMs;
    private EmbeddedActiveMQ server;

    /**
     * @param dataFolder where the journal, bindings, paging and large messages are kept
     * @param port the acceptor's port on 127.0.0.1
     */
    public EmbeddedBroker(Path dataFolder, int port) {
        this(dataFolder, port, DEFAULT_MAX_DISK_USAGE, DEFAULT_DISK_SCAN_PERIOD_MS);
    }

    /**
     * @param maxDiskUsage     the disk usage, in percent of the journal's file system, at which the broker
     *                         blocks every producer ({@code sib2ae.broker.max-disk-usage}); -1 turns the check off
     * @param diskScanPeriodMs how often the broker measures it
     */
    public EmbeddedBroker(Path dataFolder, int port, int maxDiskUsage, long diskScanPeriodMs) {
        if (maxDiskUsage != -1 && (maxDiskUsage < 1 || maxDiskUsage > 100)) {
            throw new IllegalArgumentException("sib2ae.broker.max-disk-usage must be a percentage from 1 to 100, or -1"
                    + " for no limit, not " + maxDiskUsage);
        }
        this.dataFolder = dataFolder.toAbsolutePath();
        this.port = port;
        this.maxDiskUsage = maxDiskUsage;
        this.diskScanPeriodMs = diskScanPeriodMs;
    }

    /** The URL a client connects to, as {@code sib2ae.broker.url} takes it. */
    public String url() {
        return "tcp://" + HOST + ":" + port;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public synchronized boolean isStarted() {
        return server != null && server.getActiveMQServer().isStarted();
    }

    /** Starts the broker and returns once its acceptor takes connections; a port in use fails here. */
    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("sib2ae-embedded");
        configuration.setPersistenceEnabled(true);
        // NIO, as scripts/artemis.sh creates its brokers: the AIO journal needs libaio, which a machine may lack.
        configuration.setJournalType(JournalType.NIO);
        configuration.setJournalDirectory(dataFolder.resolve("journal").toString());
        configuration.setBindingsDirectory(dataFolder.resolve("bindings").toString());
        configuration.setPagingDirectory(dataFolder.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(dataFolder.resolve("large-messages").toString());
        configuration.setNodeManagerLockDirectory(dataFolder.toString());
        // Another broker on the same folder (a second instance given the same sib2ae.work) holds its
        // lock; Artemis would wait for it for ever, so the start gives up after this and says why.
        configuration.setJournalLockAcquisitionTimeout(LOCK_TIMEOUT_MS);
        // Past this share of the disk the broker blocks every producer, the leader's note tasks with
        // them; the instances' readiness check reports it (BrokerHealthCheck).
        configuration.setMaxDiskUsage(maxDiskUsage);
        configuration.setDiskScanPeriod((int) diskScanPeriodMs);
        // No login: the only acceptor is on the loopback address, reachable from this machine alone.
        configuration.setSecurityEnabled(false);
        // Its MBeans stay out of the instance's JMX and Jolokia, which show the orchestrator's own.
        configuration.setJMXManagementEnabled(false);
        configuration.addAcceptorConfiguration("loopback", url() + "?protocols=CORE");
        // The same dead-letter and expiry addresses, redelivery and paging as the broker.xml that
        // `artemis create` writes, so a trial behaves as the studio's standalone broker does.
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setRedeliveryDelay(0)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        configuration.addQueueConfiguration(QueueConfiguration.of("DLQ").setRoutingType(RoutingType.ANYCAST));
        configuration.addQueueConfiguration(QueueConfiguration.of("ExpiryQueue").setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ starting = new EmbeddedActiveMQ();
        starting.setConfiguration(configuration);
        try {
            starting.start();
        } catch (Exception e) {
            starting.stop();
            throw new IllegalStateException(notStarted() + ": " + e.getMessage(), e);
        }
        if (!starting.getActiveMQServer().isActive()) {
            starting.stop();
            throw new IllegalStateException(notStarted());
        }
        server = starting;
    }

    private String notStarted() {
        return "The embedded broker did not start on " + url() + " with its journal in " + dataFolder
                + ": another broker holds the journal's lock (an instance on the same sib2ae.work), or the port is"
                + " taken (sib2ae.broker.port)";
    }

    /** Stops the broker; its persistent messages stay in the journal for the next start. */
    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
