package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.chaining.AssetDelivery;
import io.sib2ae.orchestrator.chaining.CompletionEvents;
import io.sib2ae.orchestrator.intake.Folders;
import io.sib2ae.orchestrator.manifest.ManifestStore;
import io.sib2ae.orchestrator.monitoring.FoldersWritableCheck;
import io.sib2ae.orchestrator.monitoring.ManagementEndpoints;
import io.sib2ae.orchestrator.monitoring.ProgressReporter;
import io.sib2ae.orchestrator.monitoring.ScoreMBeans;
import io.sib2ae.orchestrator.routes.NoteHopRoutes;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

/**
 * The beans that watch and announce: progress (log, {@code progress.json}, a JMX MBean per
 * score), the readiness check on the folders, and the completion events the studio chains onto.
 */
@Configuration
public class MonitoringConfiguration implements CamelConfiguration {

    @BindToRegistry(value = "progressReporter", lazy = true)
    public ProgressReporter progressReporter(ManifestStore manifests, CamelContext context) {
        ProgressReporter reporter = new ProgressReporter(manifests);
        reporter.addListener(new ScoreMBeans(() -> audioBreakerState(context)));
        return reporter;
    }

    /** Found by Camel's health check registry, which asks it at every readiness probe. */
    @BindToRegistry(value = "foldersWritableCheck", lazy = true)
    public FoldersWritableCheck foldersWritableCheck(Folders folders) {
        return new FoldersWritableCheck(folders);
    }

    @BindToRegistry("completionEvents")
    public CompletionEvents completionEvents() {
        return new CompletionEvents();
    }

    @BindToRegistry("assetDelivery")
    public AssetDelivery assetDelivery() {
        return new AssetDelivery();
    }

    /** Says where the management endpoints listen, once they do. */
    @Override
    public void configure(CamelContext context) throws Exception {
        ManagementEndpoints.logWhenStarted(context);
    }

    private static String audioBreakerState(CamelContext context) {
        ResilienceProcessor breaker = context.getProcessor(NoteHopRoutes.AUDIO_BREAKER, ResilienceProcessor.class);
        return breaker == null ? "UNKNOWN" : breaker.getCircuitBreakerState();
    }
}
