package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The extracted text of one report, page by page, as Tika gives it.
 *
 * <p>The single-string form separates pages with a form feed ({@code \f}); that is how the
 * extractor hands text to the parser and how the page-split test fixtures are stored.
 */
public record ReportText(String sourceFile, List<String> pages) implements java.io.Serializable {
  public static final char PAGE_BREAK = '\f';

  public ReportText {
    requireNonNull(sourceFile, "sourceFile is null");
    pages = List.copyOf(requireNonNull(pages, "pages is null"));
  }

  /** Splits {@code text} into pages at form feeds. */
  public static ReportText of(String sourceFile, String text) {
    return new ReportText(sourceFile, Arrays.asList(text.split(String.valueOf(PAGE_BREAK), -1)));
  }

  /**
   * The lines of a page, as {@code page.split("\\r?\\n", -1)} gives them (without a pattern per
   * page). A line's 1-based index in this list is its {@code lineNo} in every record that points
   * back to the text ({@link ResidueLine}), blank lines counted.
   */
  public static List<String> lines(String page) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int nl = page.indexOf('\n'); nl >= 0; nl = page.indexOf('\n', start)) {
      int end = nl > start && page.charAt(nl - 1) == '\r' ? nl - 1 : nl;
      out.add(page.substring(start, end));
      start = nl + 1;
    }
    out.add(page.substring(start));
    return out;
  }

  /** The pages joined with form feeds, the inverse of {@link #of}. */
  public String joined() {
    return String.join(String.valueOf(PAGE_BREAK), pages);
  }
}
