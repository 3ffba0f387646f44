package hyoka.transform.layout.strategyreport;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One project's narrative block: the lines between the previous block and this project's `N ＜部`
 * line, plus what belongs to the project around that line.
 *
 * @param projectNo the number printed on the `N ＜部` line
 * @param departments the department(s) as printed (two where the project has two)
 * @param sections the section(s) as printed, parentheses removed
 * @param description the project description lines
 * @param header the 施策ＫＰＩ header line(s) (several when the extractor split it)
 * @param frame the dept, section and header lines themselves (residue: section labels)
 * @param body every other line of the block, in stream order
 */
record Block(
    int projectNo,
    List<String> departments,
    List<String> sections,
    List<Line> description,
    List<Line> header,
    List<Line> frame,
    List<Line> body) {
  Block {
    departments = List.copyOf(requireNonNull(departments, "departments is null"));
    sections = List.copyOf(requireNonNull(sections, "sections is null"));
    description = List.copyOf(requireNonNull(description, "description is null"));
    header = List.copyOf(requireNonNull(header, "header is null"));
    frame = List.copyOf(requireNonNull(frame, "frame is null"));
    body = List.copyOf(requireNonNull(body, "body is null"));
  }
}
