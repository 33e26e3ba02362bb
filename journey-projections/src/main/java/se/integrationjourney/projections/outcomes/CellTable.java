package se.integrationjourney.projections.outcomes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one published table, the sums that tie them together, and their small-cell suppression
 * (docs/projections.md, "Small cells"). It knows nothing of outcomes: {@link SmallCells} says which figures a response
 * publishes, which figures it does not publish but a sum would give away, which sums the reader can form and which
 * figures are built on which denominator.
 *
 * <p>A figure below {@code minCellSize} (and not zero) is hidden (primary suppression). Then, until nothing changes:
 * a hidden denominator hides every figure built on it; and a published sum that would give a hidden figure back gets
 * one more of its parts hidden, the smallest shown one (secondary suppression). A sum gives a figure back when that
 * figure is the only one of the sum the reader does not know, or when the parts the reader does not know add up to
 * a small number (two hidden 1s beside a shown total are both 1: each hidden figure is at least 1, since no zero is
 * hidden for being small). The sums are taken one at a time, as the usual rule of official statistics does; figures
 * only a combination of several sums would reveal are not looked for.
 */
final class CellTable {

    /** One figure: published (shown or hidden), or unpublished (never shown, known only if a sum gives it). */
    static final class Cell {
        private final long value;
        private final boolean published;
        private boolean hidden;

        private Cell(long value, boolean published) {
            this.value = value;
            this.published = published;
            this.hidden = !published;
        }

        /** Whether the response shows it as {@code null}; an unpublished figure is always hidden. */
        boolean hidden() {
            return hidden;
        }

        long value() {
            return value;
        }
    }

    /** A sum the reader can form: {@code total} = the sum of {@code parts}. */
    private record Sum(Cell total, List<Cell> parts) {}

    private final int minCellSize;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Sum> sums = new ArrayList<>();
    private final Map<Cell, List<Cell>> builtOn = new LinkedHashMap<>();

    CellTable(int minCellSize) {
        this.minCellSize = minCellSize;
    }

    /** A figure the response shows unless it is suppressed. */
    Cell published(long value) {
        Cell cell = new Cell(value, true);
        cells.add(cell);
        return cell;
    }

    /**
     * A figure the response never shows but a reader can work out from a sum, such as those not in work or studies
     * (the measured minus those in work or studies). A small one must not be worked out, like a hidden one.
     */
    Cell unpublished(long value) {
        Cell cell = new Cell(value, false);
        cells.add(cell);
        return cell;
    }

    /** A sum the reader can form from the published figures. Checked in the order given. */
    void sum(Cell total, List<Cell> parts) {
        sums.add(new Sum(total, List.copyOf(parts)));
    }

    /** Figures built on a denominator: hidden with it (a share shown with its count would give it back). */
    void builtOn(Cell denominator, List<Cell> figures) {
        builtOn.computeIfAbsent(denominator, key -> new ArrayList<>()).addAll(figures);
    }

    /** Primary, then secondary suppression until no sum gives a hidden figure back. */
    void suppress() {
        for (Cell cell : cells) {
            if (cell.published && isSmall(cell.value)) {
                hide(cell);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum sum : sums) {
                Cell partner = partnerNeeded(sum);
                if (partner != null) {
                    hide(partner);
                    changed = true;
                }
            }
        }
    }

    /** Not zero and below the limit: a figure that could point at a few people. */
    boolean isSmall(long value) {
        return value > 0 && value < minCellSize;
    }

    private void hide(Cell cell) {
        cell.hidden = true;
        for (Cell figure : builtOn.getOrDefault(cell, Collections.emptyList())) {
            if (!figure.hidden) {
                hide(figure);
            }
        }
    }

    /** The part to hide so that {@code sum} gives nothing back, or {@code null} if it gives nothing back already. */
    private Cell partnerNeeded(Sum sum) {
        List<Cell> unknown = new ArrayList<>();
        if (sum.total().hidden) {
            unknown.add(sum.total());
        }
        long unknownParts = 0;
        for (Cell part : sum.parts()) {
            if (part.hidden) {
                unknown.add(part);
                unknownParts += part.value;
            }
        }
        if (unknown.stream().noneMatch(this::mustStayUnknown)) {
            return null;
        }
        if (unknown.size() == 1) {
            return smallestShownPart(sum, true);
        }
        if (!sum.total().hidden && isSmall(unknownParts)) {
            return smallestShownPart(sum, false);
        }
        return null;
    }

    /** A hidden figure, or an unpublished small one; an unpublished figure of fair size may be worked out. */
    private boolean mustStayUnknown(Cell cell) {
        return cell.published ? cell.hidden : isSmall(cell.value);
    }

    /**
     * The next-smallest part still shown, the first of equals, not zero (hiding a zero adds nothing to the hidden
     * total); a zero only when nothing else is left and a single unknown figure must not stand alone.
     */
    private Cell smallestShownPart(Sum sum, boolean zeroWhenNothingElse) {
        Cell smallest = null;
        Cell firstZero = null;
        for (Cell part : sum.parts()) {
            if (part.hidden) {
                continue;
            }
            if (part.value == 0) {
                firstZero = firstZero == null ? part : firstZero;
            } else if (smallest == null || part.value < smallest.value) {
                smallest = part;
            }
        }
        if (smallest == null && zeroWhenNothingElse) {
            return firstZero;
        }
        return smallest;
    }
}
