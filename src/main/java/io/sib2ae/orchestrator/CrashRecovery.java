package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.intake.WorkArea;
import io.sib2ae.orchestrator.routes.DistributedMode;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.StartupListener;
import org.slf4j.LoggerFactory;

/**
 * Once Camel has started, puts back into the inbox whatever a crash left in the work folder, so
 * those scores are taken up again (their verified outputs are skipped).
 */
@Configuration
public class CrashRecovery implements CamelConfiguration, StartupListener {

    @BeanInject("workArea")
    private WorkArea workArea;

    @Override
    public void configure(CamelContext context) throws Exception {
        context.addStartupListener(this);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (DistributedMode.on(context)) {
            // work/ is shared: only the leader recovers it, when it becomes the leader (leader-takeover).
            return;
        }
        int recovered = workArea.recover();
        if (recovered > 0) {
            LoggerFactory.getLogger("sib2ae.recovery")
                    .info("Resuming {} input file(s) left in {} by an earlier run", recovered, workArea.folders().work());
        }
    }
}
