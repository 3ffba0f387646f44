package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The residue accounting of one parse, so that no line of a report is ever dropped: a layout enters
 * each line it read as data ({@link #data}) and each line it sets aside as residue with its class
 * ({@link #residue}); then {@link #unknownUnlessAccounted} makes every other non-blank line residue
 * of class {@link ResidueClass#UNKNOWN}. Lines are identified by their place (page, lineNo), as
 * {@link ResidueLine} points back to the text ({@link ReportText#lines}).
 *
 * <p>One ledger per parse; not thread-safe.
 */
public final class ResidueLedger {
  private final List<ResidueLine> residue = new ArrayList<>();

  /** A bit per line of each page: pages and line numbers are small and dense. */
  private BitSet[] accounted = new BitSet[64];

  public ResidueLedger() {}

  /** A line set aside: it is residue of class {@code cls}, and accounted for. */
  public void residue(ResidueLine line) {
    residue.add(requireNonNull(line, "line is null"));
    mark(line.page(), line.lineNo());
  }

  /** The line at this place was read as data (or as a part of the layout kept elsewhere). */
  public void data(int page, int lineNo) {
    mark(page, lineNo);
  }

  /** Whether the line at this place is data or residue already. */
  public boolean isAccounted(int page, int lineNo) {
    return page < accounted.length && accounted[page] != null && accounted[page].get(lineNo);
  }

  /**
   * Makes the line residue of class {@link ResidueClass#UNKNOWN} unless it is blank or accounted
   * for: what no step of the layout placed is reported, never dropped.
   */
  public void unknownUnlessAccounted(int page, int lineNo, String printed) {
    if (!isBlank(printed) && !isAccounted(page, lineNo)) {
      residue(new ResidueLine(page, lineNo, printed, ResidueClass.UNKNOWN));
    }
  }

  /**
   * The residue in text order (page, then line); lines of one place keep the order they were
   * entered in.
   */
  public List<ResidueLine> lines() {
    List<ResidueLine> sorted = new ArrayList<>(residue);
    sorted.sort(Comparator.comparingInt(ResidueLine::page).thenComparingInt(ResidueLine::lineNo));
    return List.copyOf(sorted);
  }

  /** Nothing but spaces of any kind (those {@link FoldedText} makes an ASCII space). */
  private static boolean isBlank(String printed) {
    return printed
        .codePoints()
        .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  private void mark(int page, int lineNo) {
    if (page >= accounted.length) {
      accounted = Arrays.copyOf(accounted, Math.max(page + 1, accounted.length * 2));
    }
    if (accounted[page] == null) {
      accounted[page] = new BitSet();
    }
    accounted[page].set(lineNo);
  }
}
