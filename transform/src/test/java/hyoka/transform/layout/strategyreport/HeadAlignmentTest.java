package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.Semantics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page head the reader cannot read (P9's `補正前ｽｺｱ スコア` printed cut to `補正前ｽｺｱ`) leaves 61 heads
 * for 62 numbered blocks. The heads are then paired with blocks by their pages, not by position: P9
 * is missing and its lines are unknown residue saying whose block they are, and every other project
 * is read exactly as from the fixture. Before, every project after P8 was numbered one off and
 * given the next project's block (department, KPI names, actuals, texts).
 */
class HeadAlignmentTest {
  private static final EvaluationReportParser PARSER = new EvaluationReportParser();

  private static List<String> withoutProject(List<String> semantics, int projectNo) {
    List<String> out = new ArrayList<>();
    boolean skip = false;
    for (String l : semantics) {
      if (l.startsWith("report ")) {
        continue;
      }
      if (l.startsWith("P") || l.startsWith("R ")) {
        skip = l.startsWith("P" + projectNo + " ");
      }
      if (!skip && !l.startsWith("R ")) {
        out.add(l);
      }
    }
    return out;
  }

  @Test
  void aHeadThatCannotBeReadLosesOnlyItsProject() {
    String h31 = Fixtures.text("h31").joined();
    String head = "街路防犯灯LED化推進事業\n\n\n補正前ｽｺｱ スコア\n";
    assertThat(h31.indexOf(head)).isGreaterThan(0).isEqualTo(h31.lastIndexOf(head));
    String damaged = h31.replace(head, "街路防犯灯LED化推進事業\n\n\n補正前ｽｺｱ\n");
    ParsedReport r = PARSER.parse(ReportText.of("h31.pdf", damaged));
    ParsedReport original = PARSER.parse(ReportText.of("h31.pdf", h31));

    assertThat(r.projects()).hasSize(61);
    assertThat(r.kpiCount()).isEqualTo(71);
    assertThat(r.projects()).noneMatch(p -> p.projectNo() == 9);
    assertThat(withoutProject(Semantics.of(r), 9))
        .containsExactlyElementsOf(withoutProject(Semantics.of(original), 9));
    // P9's name, rows and block are kept as printed, as unknown lines that say what they are
    assertThat(r.residue())
        .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN)
        .anySatisfy(
            l -> {
              assertThat(l.text()).startsWith("0灯 3,808灯");
              assertThat(l.note()).contains("value rows");
            })
        .anySatisfy(
            l -> {
              assertThat(l.text()).contains("小樽市街路防犯灯組合連合会に加入している199団体");
              assertThat(l.note()).contains("project 9");
            });
  }

  /**
   * P9's {@code 9 ＜建設部} line printed without its number: 62 heads for 61 numbered blocks, and P9's
   * block runs into P11's (the next in the text). Before, the heads were paired shifted by one from
   * P9 (each taking the next page's block) to page 28, every project P10–P48 with its neighbour's
   * name, KPIs and texts (16 score mismatches); with the pairing right, P9 was still taken under a
   * guessed number with its 2 KPI rows' names and actuals {@code not_printed}, and its texts were
   * read as P11's. Now P9 is missing, its head and block are unknown residue saying so, and every
   * other project is read exactly as from the fixture.
   */
  @Test
  void aBlockWhoseNumberCannotBeReadLosesOnlyItsProject() {
    String h31 = Fixtures.text("h31").joined();
    String dept = "\n9 ＜建設部\n";
    assertThat(h31.indexOf(dept)).isGreaterThan(0).isEqualTo(h31.lastIndexOf(dept));
    ParsedReport r = PARSER.parse(ReportText.of("h31.pdf", h31.replace(dept, "\n＜建設部\n")));
    ParsedReport original = PARSER.parse(ReportText.of("h31.pdf", h31));

    assertThat(r.projects()).hasSize(61);
    assertThat(r.kpiCount()).isEqualTo(71);
    assertThat(r.projects()).noneMatch(p -> p.projectNo() == 9);
    assertThat(withoutProject(Semantics.of(r), 9))
        .containsExactlyElementsOf(withoutProject(Semantics.of(original), 9));
    assertThat(r.unknownResidue()).isGreaterThan(original.unknownResidue() + 40);
    assertThat(r.residue())
        .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN)
        .anySatisfy(
            l -> {
              assertThat(l.text()).startsWith("0灯 3,808灯");
              assertThat(l.note()).contains("value rows");
            })
        .anySatisfy(
            l -> {
              assertThat(l.text()).startsWith("街路防犯灯維持費補助金額 29,205,852円");
              assertThat(l.note()).contains("prints no number");
            });
  }
}
