package io.sib2ae.orchestrator.notehead;

/**
 * A vertical line running exactly from a staff's top line to the bottom line of the same or a
 * lower staff, in page coordinates.
 *
 * @param page        0-based page index
 * @param x           page x of the line
 * @param firstStaff  index on the page of the staff the line starts at
 * @param lastStaff   index on the page of the staff the line ends at
 */
public record Barline(int page, double x, int firstStaff, int lastStaff) {

    public boolean crosses(int staffIndexOnPage) {
        return staffIndexOnPage >= firstStaff && staffIndexOnPage <= lastStaff;
    }
}
