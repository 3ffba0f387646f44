package hyoka.transform.layout.kpisheet;

import static java.util.Objects.requireNonNull;

import hyoka.transform.FoldedText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;

/**
 * One line of a sheet's text with where it stands.
 *
 * @param page 1-based page (the sheet's page)
 * @param lineNo 1-based line within the page's text, blank lines counted
 * @param text printed and folded forms
 */
record SheetLine(int page, int lineNo, FoldedText text) {
  SheetLine {
    requireNonNull(text, "text is null");
  }

  String printed() {
    return text.printed();
  }

  String folded() {
    return text.folded();
  }

  /** The folded form without any spaces: the key labels are matched on. */
  String tight() {
    return FoldedText.tight(text.folded());
  }

  boolean isBlank() {
    return text.folded().isBlank();
  }

  ResidueLine residue(ResidueClass cls) {
    return new ResidueLine(page, lineNo, text.printed(), cls);
  }

  @Override
  public String toString() {
    return page + ":" + lineNo + " " + text.printed();
  }
}
