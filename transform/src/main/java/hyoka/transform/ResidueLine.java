package hyoka.transform;

import static java.util.Objects.requireNonNull;

/**
 * A line of the extracted text that is not data, and why.
 *
 * @param page 1-based page
 * @param lineNo 1-based line number within the page's text, blank lines counted
 */
public record ResidueLine(int page, int lineNo, String text, ResidueClass cls)
    implements java.io.Serializable {
  public ResidueLine {
    requireNonNull(text, "text is null");
    requireNonNull(cls, "cls is null");
  }
}
