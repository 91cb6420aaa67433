package io.sib2ae.orchestrator.score;

/**
 * A jump the score performs because its words ask for it ("D.S. al Coda"), not a {@code <sound>}.
 *
 * @param measureIndex the 0-based notated measure the words stand in
 * @param measure      the measure number as printed
 * @param words        the words as written
 */
public record JumpFromWords(int measureIndex, String measure, String words, JumpWords.Jump jump) {
}
