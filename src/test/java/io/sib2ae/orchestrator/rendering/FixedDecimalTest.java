package io.sib2ae.orchestrator.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FixedDecimalTest {

    @Test
    void printsPlainDecimalsWithoutTrailingZeros() {
        assertThat(FixedDecimal.format(12.34567, 3, true)).isEqualTo("12.346");
        assertThat(FixedDecimal.format(0.05, 3, true)).isEqualTo("0.05");
        assertThat(FixedDecimal.format(0.001, 3, true)).isEqualTo("0.001");
        assertThat(FixedDecimal.format(0.0001234, 6, true)).isEqualTo("0.000123");
        assertThat(FixedDecimal.format(-3.25, 3, true)).isEqualTo("-3.25");
        assertThat(FixedDecimal.format(22050.0, 6, true)).isEqualTo("22050.0");
        assertThat(FixedDecimal.format(1e7, 3, false)).isEqualTo("10000000");
    }

    @Test
    void wholeNumbersKeepThePointZeroOnlyWhenAsked() {
        assertThat(FixedDecimal.format(100, 3, true)).isEqualTo("100.0");
        assertThat(FixedDecimal.format(100, 3, false)).isEqualTo("100");
    }

    @Test
    void valuesRoundingToZeroHaveNoSign() {
        assertThat(FixedDecimal.format(-0.0, 3, true)).isEqualTo("0.0");
        assertThat(FixedDecimal.format(-0.0001, 3, false)).isEqualTo("0");
        assertThat(FixedDecimal.format(0.0000001, 6, false)).isEqualTo("0");
    }

    @Test
    void parsesBackToTheValueRoundedToTheSameDecimals() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-4, 6));
            int decimals = random.nextInt(0, 7);
            double factor = Math.pow(10, decimals);
            double expected = Math.signum(value) * Math.round(Math.abs(value) * factor) / factor;
            String text = FixedDecimal.format(value, decimals, true);
            assertThat(text).doesNotContain("E").doesNotContain("e");
            assertThat(Double.parseDouble(text)).as("%s at %d decimals -> %s", value, decimals, text)
                    .isEqualTo(expected == 0 ? 0.0 : expected);
        }
    }

    @Test
    void refusesValuesNoJsonOrAfterEffectsParserAccepts() {
        assertThatThrownBy(() -> FixedDecimal.format(Double.NaN, 3, true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FixedDecimal.format(Double.POSITIVE_INFINITY, 3, true))
                .isInstanceOf(IllegalStateException.class);
    }
}
