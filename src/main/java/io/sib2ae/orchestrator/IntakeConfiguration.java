package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.intake.Folders;
import io.sib2ae.orchestrator.intake.ScoreSetAggregation;
import io.sib2ae.orchestrator.intake.Submissions;
import io.sib2ae.orchestrator.intake.WorkArea;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The beans of intake: the service's folders, the work area, the score-set Aggregator and hand-ins. */
@Configuration
public class IntakeConfiguration implements CamelConfiguration {

    @BindToRegistry("folders")
    public Folders folders(@PropertyInject("sib2ae.inbox") String inbox, @PropertyInject("sib2ae.output") String output,
                           @PropertyInject("sib2ae.archive") String archive, @PropertyInject("sib2ae.failed") String failed,
                           @PropertyInject("sib2ae.work") String work) {
        return Folders.of(inbox, output, archive, failed, work);
    }

    @BindToRegistry(value = "workArea", lazy = true)
    public WorkArea workArea(Folders folders) {
        return new WorkArea(folders);
    }

    @BindToRegistry("scoreSetAggregation")
    public ScoreSetAggregation scoreSetAggregation() {
        return new ScoreSetAggregation();
    }

    @BindToRegistry("submissions")
    public Submissions submissions() {
        return new Submissions();
    }
}
