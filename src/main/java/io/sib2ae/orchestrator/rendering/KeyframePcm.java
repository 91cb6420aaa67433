package io.sib2ae.orchestrator.rendering;

/**
 * Decoded audio of one WAV, mixed down to mono floats in [-1, 1). Only the first
 * {@code length} entries of {@code samples} are valid: the array is a reused per-thread buffer,
 * so the record must not outlive the extraction call that produced it.
 *
 * @param sampleRate samples per second
 * @param channels   channel count of the source file (before the mono mix-down)
 * @param samples    mono samples; entries from {@code length} on are stale
 * @param length     number of valid sample frames
 */
record KeyframePcm(int sampleRate, int channels, float[] samples, int length) {
}
