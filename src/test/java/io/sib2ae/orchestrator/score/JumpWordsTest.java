package io.sib2ae.orchestrator.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.sib2ae.orchestrator.score.JumpWords.Jump;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The usual spellings of jumps written as words, and where they count. */
class JumpWordsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "D.S. al Coda|DAL_SEGNO", "d.s. al coda|DAL_SEGNO", "DS al Coda|DAL_SEGNO", "D. S. al Fine|DAL_SEGNO",
            "Dal Segno|DAL_SEGNO", "dal segno al coda|DAL_SEGNO", "D.C. al Fine|DA_CAPO", "Da Capo|DA_CAPO",
            "D.C.|DA_CAPO", "DC al Coda|DA_CAPO", "Da capo al fine|DA_CAPO", "To Coda|TO_CODA", "to coda ⊕|TO_CODA",
            "Al Coda|TO_CODA", "Vai alla Coda|TO_CODA", "FINE|FINE", "Fine.|FINE"})
    void theUsualSpellingsAreRecognisedAtABarEnd(String words, Jump jump) {
        assertThat(JumpWords.recognise(words, true, false, false)).contains(jump);
    }

    @Test
    void wordsThatAreNotJumpsOrStandMidBarAreNot() {
        assertThat(JumpWords.recognise("dolce", true, false, false)).isEmpty();
        assertThat(JumpWords.recognise("Fine e dolce", true, false, false)).isEmpty();
        assertThat(JumpWords.recognise("D.S. al Coda", false, false, false)).isEmpty();
        assertThat(JumpWords.recognise("Fine", false, true, false)).isEmpty();
        assertThat(JumpWords.recognise("Coda", true, false, false)).isEmpty();
    }

    @Test
    void toCodaAndCodaCountBesideTheirSign() {
        assertThat(JumpWords.recognise("To Coda", false, false, true)).contains(Jump.TO_CODA);
        assertThat(JumpWords.recognise("CODA", false, true, false)).contains(Jump.CODA);
        assertThat(JumpWords.recognise("Coda", false, false, true)).contains(Jump.CODA);
    }
}
