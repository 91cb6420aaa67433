package io.sib2ae.orchestrator.notehead;

/**
 * Safety limits for reading untrusted SVG pages; a page over any limit is rejected before it can
 * exhaust memory or stack.
 *
 * @param maxDepth    deepest element nesting accepted (the root is depth 1)
 * @param maxElements most elements accepted in one file
 * @param maxBytes    largest file accepted
 */
public record SvgLimits(int maxDepth, int maxElements, long maxBytes) {

    /** Generous for Sibelius pages (a full orchestral page has a few tens of thousands of elements). */
    public static final SvgLimits DEFAULT = new SvgLimits(256, 500_000, 64L * 1024 * 1024);

    public SvgLimits {
        if (maxDepth < 2 || maxElements < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive and allow at least <svg><g>");
        }
    }
}
