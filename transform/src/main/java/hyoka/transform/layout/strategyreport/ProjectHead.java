package hyoka.transform.layout.strategyreport;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a page prints at its top for one project: its name, its KPI value rows with their [目標値]
 * notes, and one 概要/目的 label pair per budget item (the texts come later, in the project's narrative
 * block).
 *
 * @param nameLines the line(s) of the project name (a name can wrap)
 * @param rows the KPI value rows in printed order
 * @param labels the layout labels of the head (residue)
 * @param budgetPairs number of 概要/目的 label pairs
 */
record ProjectHead(
    int page,
    Integer groupNo,
    String groupName,
    List<Line> nameLines,
    List<HeadRow> rows,
    List<Line> labels,
    int budgetPairs) {
  ProjectHead {
    requireNonNull(nameLines, "nameLines is null");
    nameLines = List.copyOf(nameLines);
    rows = List.copyOf(requireNonNull(rows, "rows is null"));
    labels = List.copyOf(requireNonNull(labels, "labels is null"));
  }

  /**
   * This head with the rows, labels and label pairs its table continues with on the next page; the
   * continued rows' note groups are renumbered after this head's rows.
   */
  ProjectHead continuedBy(List<HeadRow> more, List<Line> moreLabels, int morePairs) {
    List<HeadRow> all = new java.util.ArrayList<>(rows);
    int offset = rows.size();
    for (HeadRow r : more) {
      List<Integer> g = new java.util.ArrayList<>();
      for (int x : r.noteGroup()) {
        g.add(x + offset);
      }
      all.add(new HeadRow(r.row(), r.notes(), g));
    }
    List<Line> labels = new java.util.ArrayList<>(this.labels);
    labels.addAll(moreLabels);
    return new ProjectHead(
        page, groupNo, groupName, nameLines, all, labels, budgetPairs + morePairs);
  }

  /** The project name: wrapped lines joined, as printed (leading marker spaces removed). */
  String name() {
    StringBuilder b = new StringBuilder();
    for (Line l : nameLines) {
      b.append(l.printed().strip());
    }
    return b.toString();
  }

  /**
   * One KPI value row and the revision note printed under the [目標値] that closes it.
   *
   * @param notes the `※…` lines given to this row
   * @param noteGroup 0-based indexes of all rows that share the same [目標値] note (this row too)
   */
  record HeadRow(Line row, List<Line> notes, List<Integer> noteGroup) {
    HeadRow {
      requireNonNull(row, "row is null");
      notes = List.copyOf(notes);
      noteGroup = List.copyOf(noteGroup);
    }
  }
}
