package hyoka.transform;

import static java.util.Objects.requireNonNull;

/**
 * A line of the extracted text that is not data, and why.
 *
 * @param page 1-based page
 * @param lineNo 1-based line number within the page's text, blank lines counted
 * @param note why the layout left the line unplaced where its class does not say it (an {@link
 *     ResidueClass#UNKNOWN} line the evidence could not attribute: what it could be); null
 *     otherwise
 */
public record ResidueLine(int page, int lineNo, String text, ResidueClass cls, String note)
    implements java.io.Serializable {
  public ResidueLine {
    requireNonNull(text, "text is null");
    requireNonNull(cls, "cls is null");
  }

  /** A line whose class says why it is residue. */
  public ResidueLine(int page, int lineNo, String text, ResidueClass cls) {
    this(page, lineNo, text, cls, null);
  }
}
