package io.sib2ae.orchestrator.routes;

import static org.apache.camel.builder.Builder.constant;
import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.manifest.Stage;
import io.sib2ae.orchestrator.manifest.StageState;
import io.sib2ae.orchestrator.rendering.AudioHop;
import io.sib2ae.orchestrator.rendering.AudioRenderer;
import io.sib2ae.orchestrator.rendering.KeyframeExtractor;
import io.sib2ae.orchestrator.rendering.KeyframesHop;
import io.sib2ae.orchestrator.rendering.MidiHop;
import io.sib2ae.orchestrator.rendering.RenderObserver;
import io.sib2ae.orchestrator.rendering.RenderedAudio;
import io.sib2ae.orchestrator.rendering.SoundFontChoice;
import io.sib2ae.orchestrator.rendering.SynthesizerPool;
import io.sib2ae.orchestrator.run.NoteWork;
import io.sib2ae.orchestrator.run.ScoreRun;
import io.sib2ae.orchestrator.run.StopSignal;
import java.util.concurrent.TimeUnit;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The per-note hops on a real SS 9 note: the MIDI hop writes its file, the audio hop's render
 * step is stood in for so no synthesizer is opened (AudioBreakerTest renders through the real
 * breaker), and the route shows what travels between the hops (the rendered PCM to the keyframes
 * hop, and no further) and where a failure is recorded.
 */
class NoteHopRoutesTest extends RouteTestSupport {

    private final ScoreRun run = RouteFixtures.plannedSs9(folders, false);

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new ErrorHandlingConfiguration(), new NoteHopRoutes()};
    }

    @Override
    protected void bindRouteBeans(Registry registry) {
        registry.bind("midiHop", new MidiHop());
        // Never asked to render here: the route's render step is replaced in every test.
        AudioRenderer renderer = new AudioRenderer(new SynthesizerPool(SoundFontChoice.builtInSounds()),
                AudioRenderer.Settings.defaults());
        registry.bind("audioHop", new AudioHop(renderer, "test", RenderObserver.NONE));
        registry.bind("keyframesHop", new KeyframesHop(new KeyframeExtractor(), 30));
    }

    private NoteWork primaryNote() {
        return run.notes().stream().filter(n -> n.manifest().isPrimary).findFirst().orElseThrow();
    }

    @Test
    void theRenderedAudioReachesTheKeyframesHopInMemoryAndIsReleasedBeforeTheSvgHop() throws Exception {
        RenderedAudio pcm = new RenderedAudio(new byte[4 * 4410], SynthesizerPool.DEFAULT_FORMAT, 4410, 0.1, -120.0,
                SoundFontChoice.builtInSounds());
        AdviceWith.adviceWith(context, "hop-audio", route -> route.weaveById("render-audio").replace()
                .setProperty(ExchangeProperties.RENDERED_AUDIO, constant(pcm)));
        AdviceWith.adviceWith(context, "hop-keyframes", route -> route.weaveById("extract-keyframes").replace()
                .to("mock:keyframes"));
        AdviceWith.adviceWith(context, "note-hops", route -> route.mockEndpointsAndSkip("direct:hop-svg"));
        context.start();
        MockEndpoint keyframes = getMockEndpoint("mock:keyframes");
        keyframes.expectedMessageCount(1);
        keyframes.message(0).exchangeProperty(ExchangeProperties.RENDERED_AUDIO).isEqualTo(pcm);
        MockEndpoint svg = getMockEndpoint("mock:direct:hop-svg");
        svg.expectedMessageCount(1);
        svg.message(0).exchangeProperty(ExchangeProperties.RENDERED_AUDIO).isNull();

        template.sendBody("direct:note-hops", primaryNote());

        MockEndpoint.assertIsSatisfied(context);
        assertThat(run.notesFinished()).isEqualTo(1);
        // Written, or kept from the other test's run of the same score in the shared folder.
        assertThat(primaryNote().manifest().stages.midi.hasAsset()).isTrue();
        assertThat(folders.output().resolve("SS 9").resolve(primaryNote().manifest().files.midi.path)).isRegularFile();
    }

    @Test
    void aStopOfTheServiceAbandonsTheNoteBeforeItsNextHopAndLeavesItUncounted() throws Exception {
        context.start();
        context.getRegistry().lookupByNameAndType("stopSignal", StopSignal.class).request();

        template.sendBody("direct:note-hops", primaryNote());

        assertThat(run.notesFinished()).isZero();
        assertThat(primaryNote().manifest().stages.midi.status).isEqualTo(StageState.PENDING);
    }

    @Test
    void aDefectInOneHopFailsThatHopOfTheNoteAndTheNoteGoesOnToTheNext() throws Exception {
        AdviceWith.adviceWith(context, "hop-audio", route -> route.weaveById("render-audio").replace()
                .setProperty(ExchangeProperties.RENDERED_AUDIO, constant(null)));
        AdviceWith.adviceWith(context, "hop-keyframes", route -> route.weaveById("extract-keyframes").replace()
                .throwException(new IllegalStateException("simulated defect")));
        AdviceWith.adviceWith(context, "note-hops", route -> route.mockEndpointsAndSkip("direct:hop-svg"));
        context.start();
        getMockEndpoint("mock:direct:hop-svg").expectedMessageCount(1);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("note-hops").whenDone(1).create();

        template.sendBody("direct:note-hops", primaryNote());

        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        MockEndpoint.assertIsSatisfied(context);
        assertThat(Stage.KEYFRAMES.of(primaryNote().manifest()).status).isEqualTo(StageState.FAILED);
        assertThat(Stage.KEYFRAMES.of(primaryNote().manifest()).error).contains("simulated defect");
        assertThat(run.count(Stage.KEYFRAMES, StageState.FAILED)).isEqualTo(1);
    }
}
