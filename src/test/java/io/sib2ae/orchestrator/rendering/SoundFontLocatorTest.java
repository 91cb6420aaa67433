package io.sib2ae.orchestrator.rendering;

import io.sib2ae.orchestrator.rendering.SoundFontLocator.SoundFontException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoundFontLocatorTest {

    @Test
    void configuredPathIsUsedWhenItIsASoundFont(@TempDir Path dir) throws Exception {
        Path sf2 = minimalRiff(dir.resolve("mine.sf2"), "sfbk");

        SoundFontChoice choice = new SoundFontLocator(List.of()).locate(sf2);

        assertThat(choice.path()).isEqualTo(sf2);
        assertThat(choice.builtIn()).isFalse();
        assertThat(choice.description()).isEqualTo("mine.sf2");
    }

    @Test
    void missingConfiguredPathIsAnErrorNotAFallback(@TempDir Path dir) {
        Path missing = dir.resolve("nope.sf2");

        assertThatThrownBy(() -> new SoundFontLocator().locate(missing))
                .isInstanceOf(SoundFontException.class)
                .hasMessageContaining("nope.sf2")
                .hasMessageContaining("does not exist");
    }

    @Test
    void truncatedConfiguredSoundFontIsRejected(@TempDir Path dir) throws Exception {
        Path sf2 = minimalRiff(dir.resolve("cut.sf2"), "sfbk");
        byte[] bytes = Files.readAllBytes(sf2);
        Files.write(sf2, Arrays.copyOf(bytes, bytes.length - 10));

        assertThatThrownBy(() -> new SoundFontLocator().locate(sf2))
                .isInstanceOf(SoundFontException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void firstValidCandidateWinsAndBrokenOnesAreSkipped(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.sf2");
        Files.writeString(broken, "not a soundfont");
        Path good = minimalRiff(dir.resolve("good.sf2"), "sfbk");
        Path later = minimalRiff(dir.resolve("later.sf2"), "sfbk");

        SoundFontChoice choice = new SoundFontLocator(
                List.of(dir.resolve("absent.sf2"), broken, good, later)).locate(null);

        assertThat(choice.path()).isEqualTo(good);
    }

    @Test
    void withoutAnySoundFontTheBuiltInSoundsAreUsed(@TempDir Path dir) {
        SoundFontChoice choice = new SoundFontLocator(List.of(dir.resolve("absent.sf2"))).locate(null);

        assertThat(choice.builtIn()).isTrue();
        assertThat(choice.path()).isNull();
        assertThat(choice.description()).contains("built-in");
    }

    @Test
    void builtInSoundsRenderAPitchedNote() {
        try (SynthesizerPool pool = new SynthesizerPool(SoundFontChoice.builtInSounds(),
                SynthesizerPool.Settings.defaults().withSize(1))) {
            RenderedAudio audio = new AudioRenderer(pool).render(NoteMidiSpec.of(69, 100, 0, 73, 120, 0.6));

            assertThat(audio.peakDbfs()).isGreaterThan(-40.0);
            assertThat(audio.soundFont().builtIn()).isTrue();
            double f0 = AudioRendererTest.fundamentalHz(audio.monoSamples(), 44_100, 0.1, 0.55);
            assertThat(f0).isBetween(440 * 0.97, 440 * 1.03);
        }
    }

    @Test
    void standardLocationsStartWithTheUsualGmSoundFonts() {
        assertThat(SoundFontLocator.STANDARD_LOCATIONS).startsWith(
                Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2"));
        assertThat(SoundFontLocator.STANDARD_LOCATIONS).contains(
                Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"), Path.of("/usr/share/soundfonts/default.sf2"));
    }

    /** A RIFF file of the given form whose size field matches its length (contents are not parsed here). */
    private static Path minimalRiff(Path file, String form) throws Exception {
        byte[] bytes = new byte[64];
        int size = bytes.length - 8;
        byte[] head = {'R', 'I', 'F', 'F', (byte) size, 0, 0, 0};
        System.arraycopy(head, 0, bytes, 0, 8);
        System.arraycopy(form.getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        Files.write(file, bytes);
        return file;
    }
}
