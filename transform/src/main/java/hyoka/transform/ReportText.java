package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The extracted text of one report, page by page, as Tika gives it, with the producer's defects
 * repaired: every CJK radical put for an ideograph is folded to that ideograph ({@link Radicals}),
 * so that every parser, whatever the report's layout, reads and stores {@code 市民}, not {@code 市⺠}.
 * Each repaired line is kept in {@link #repairs()} with its extracted form.
 *
 * <p>The single-string form separates pages with a form feed ({@code \f}); that is how the
 * extractor hands text to the parser and how the page-split test fixtures are stored.
 *
 * @param pages the pages, repaired
 * @param repairs the lines repaired, in page and line order (with any given to the constructor
 *     first)
 */
public record ReportText(String sourceFile, List<String> pages, List<TextRepair> repairs)
    implements java.io.Serializable {
  public static final char PAGE_BREAK = '\f';

  public ReportText {
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(pages, "pages is null");
    List<TextRepair> found = new ArrayList<>(requireNonNull(repairs, "repairs is null"));
    List<String> folded = new ArrayList<>(pages.size());
    for (int p = 0; p < pages.size(); p++) {
      folded.add(repair(p + 1, pages.get(p), found));
    }
    pages = List.copyOf(folded);
    repairs = List.copyOf(found);
  }

  /** The text of {@code pages} as extracted: radicals are folded and recorded here. */
  public ReportText(String sourceFile, List<String> pages) {
    this(sourceFile, pages, List.of());
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

  /**
   * The page with its radicals folded; one repair per changed line (lines as the parser numbers
   * them).
   */
  private static String repair(int page, String text, List<TextRepair> out) {
    if (!Radicals.hasFoldable(text)) {
      return text;
    }
    List<String> lines = lines(text);
    StringBuilder b = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String folded = Radicals.fold(line);
      if (!folded.equals(line)) {
        out.add(new TextRepair(page, i + 1, line, folded));
      }
      // the line's own end (\n or \r\n) is copied as it was
      int end = start + line.length();
      int next = text.indexOf('\n', end);
      int to = next < 0 ? text.length() : next + 1;
      b.append(folded).append(text, end, to);
      start = to;
    }
    return b.toString();
  }
}
