package io.sib2ae.orchestrator.monitoring;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once the service has started, one line with the management server's true address and the
 * endpoints on it. Camel's own summary (MainHttpServerUtil) always prints {@code http://0.0.0.0},
 * which told a reader the server was open to the network when it listens on loopback only.
 */
public final class ManagementEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger("sib2ae.management");

    private ManagementEndpoints() {
    }

    /** The line to log, or null when the management server is off. */
    public static String summary(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        if (!flag(properties, "camel.management.enabled", false)) {
            return null;
        }
        String host = properties.resolveProperty("camel.management.host").orElse("0.0.0.0");
        String port = properties.resolveProperty("camel.management.port").orElse("8080");
        String path = properties.resolveProperty("camel.management.path").orElse("/observe");
        List<String> endpoints = new ArrayList<>();
        for (String[] endpoint : new String[][] {{"health", "health-check"}, {"info", "info"}, {"metrics", "metrics"},
                {"jolokia", "jolokia"}}) {
            if (flag(properties, "camel.management." + endpoint[1] + "-enabled", false)) {
                endpoints.add(endpoint[0]);
            }
        }
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "Management server on http://" + shown + ":" + port + path + "/ (" + String.join(", ", endpoints) + ")";
    }

    /** Registers the log line to be written when the context has started. */
    public static void logWhenStarted(CamelContext context) throws Exception {
        context.addStartupListener((started, alreadyStarted) -> {
            String line = summary(started);
            if (line != null) {
                LOG.info(line);
            }
        });
    }

    private static boolean flag(PropertiesComponent properties, String key, boolean otherwise) {
        return properties.resolveProperty(key).map(Boolean::parseBoolean).orElse(otherwise);
    }
}
