package hyoka.transform;

import static java.util.Objects.requireNonNull;

/**
 * One line of a report's extracted text that hyoka repaired before parsing: the CJK radicals a PDF
 * producer put for ideographs ({@code 借上住⼾数}) folded to the ideographs ({@code 借上住戸数}, see {@link
 * Radicals}). Every value parsed from the line holds the folded form; this keeps what was
 * extracted.
 *
 * @param page 1-based page of the extracted text (form feeds counted)
 * @param lineNo 1-based line within the page's text, blank lines counted, as in {@link ResidueLine}
 * @param extracted the line as extracted
 * @param folded the line as stored and parsed
 */
public record TextRepair(int page, int lineNo, String extracted, String folded)
    implements java.io.Serializable {
  public TextRepair {
    requireNonNull(extracted, "extracted is null");
    requireNonNull(folded, "folded is null");
    if (page < 1 || lineNo < 1) {
      throw new IllegalArgumentException("page and lineNo are 1-based: " + page + ":" + lineNo);
    }
    if (extracted.equals(folded)) {
      throw new IllegalArgumentException("nothing repaired on line " + page + ":" + lineNo);
    }
  }

  /** The radicals of the line and what each became, e.g. {@code ⼾→戸 ⺠→民}, each once. */
  public String changes() {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    extracted
        .codePoints()
        .filter(cp -> Radicals.ideographOf(cp) != cp)
        .forEach(
            cp ->
                seen.add(
                    new String(Character.toChars(cp))
                        + "→"
                        + new String(Character.toChars(Radicals.ideographOf(cp)))));
    return String.join(" ", seen);
  }
}
