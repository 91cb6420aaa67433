package io.sib2ae.orchestrator;

import io.sib2ae.orchestrator.aftereffects.AfterEffectsExport;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The After Effects hop's bean, at the comp frame rate the keyframes are extracted at. */
@Configuration
public class AfterEffectsConfiguration implements CamelConfiguration {

    @BindToRegistry("afterEffectsExport")
    public AfterEffectsExport afterEffectsExport(@PropertyInject("sib2ae.keyframes.fps") int fps) {
        return new AfterEffectsExport(fps);
    }
}
