package io.sib2ae.orchestrator.notehead;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the locator learned from one SVG page: its canvas, the noteheads, the staves and the
 * barlines, and the extent of every drawn item.
 *
 * @param index   0-based page index
 * @param source  the file read
 * @param root    the page's {@code <svg>} start tag (width, height, viewBox, namespaces)
 */
public record SvgPage(
        int index,
        Path source,
        ElementTag root,
        List<NoteheadGlyph> noteheads,
        List<Staff> staves,
        List<Barline> barlines,
        List<DrawnItem> items) {

    public SvgPage {
        noteheads = List.copyOf(noteheads);
        staves = List.copyOf(staves);
        barlines = List.copyOf(barlines);
        items = List.copyOf(items);
    }

    public Optional<NoteheadGlyph> notehead(int ordinal) {
        return noteheads.stream().filter(g -> g.ordinal() == ordinal).findFirst();
    }
}
