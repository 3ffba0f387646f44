package hyoka.transform.layout.strategyreport;

import static java.util.Objects.requireNonNull;

import hyoka.transform.FoldedText;

/**
 * One line of a report's text with where it stands and its matching forms.
 *
 * @param page 1-based page
 * @param lineNo 1-based line within the page's text, blank lines counted
 * @param text printed and folded forms
 * @param tight the folded form without any spaces, for labels and names
 * @param kind what the line is, from its own text
 */
record Line(int page, int lineNo, FoldedText text, String tight, LineKind kind) {
  Line {
    requireNonNull(text, "text is null");
    requireNonNull(tight, "tight is null");
    requireNonNull(kind, "kind is null");
  }

  String printed() {
    return text.printed();
  }

  String folded() {
    return text.folded();
  }

  boolean is(LineKind k) {
    return kind == k;
  }

  /**
   * Lines go into hash sets many times per report: hash the place only (equal lines have equal
   * places) instead of every component, which hashes the whole text. Equality is the record's
   * (every component), the cheap ones first.
   */
  @Override
  public int hashCode() {
    int h = page * 0x9E3779B9 ^ lineNo * 0x85EBCA6B;
    return h ^ h >>> 15;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Line l
        && page == l.page
        && lineNo == l.lineNo
        && kind == l.kind
        && tight.equals(l.tight)
        && text.equals(l.text);
  }

  @Override
  public String toString() {
    return page + ":" + lineNo + " " + kind + " " + text.printed();
  }
}
