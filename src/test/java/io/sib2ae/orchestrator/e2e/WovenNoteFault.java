package io.sib2ae.orchestrator.e2e;

import io.sib2ae.orchestrator.run.NoteTask;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.InterceptStrategy;

/**
 * A fault woven into a child instance by a test, never by production wiring: the worker's step that
 * rebuilds a note's work throws for the one note named by {@code -Dsib2ae.test.fault-note=<universal ID>},
 * on every delivery and every instance. The child adds it as a route builder of its own,
 * {@code -Dcamel.main.routes-builder-classes=io.sib2ae.orchestrator.e2e.WovenNoteFault}, which adds
 * no route but weaves the fault into every route before they are created.
 */
public final class WovenNoteFault extends RouteBuilder implements InterceptStrategy {

    static final String PROPERTY = "sib2ae.test.fault-note";
    private static final String STEP = "rebuild-note-work";

    @Override
    public void configure() {
        getContext().getCamelContextExtension().addInterceptStrategy(this);
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
        String faulty = System.getProperty(PROPERTY);
        if (faulty == null || !STEP.equals(definition.getId())) {
            return target;
        }
        return exchange -> {
            if (exchange.getMessage().getBody() instanceof NoteTask task && task.universalId().equals(faulty)) {
                throw new IllegalStateException("woven fault on note " + faulty);
            }
            target.process(exchange);
        };
    }
}
