package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Kpi;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import org.junit.jupiter.api.Test;

/**
 * A KPI whose name line the parser cannot tell in its block (P6's `交通事故件数 173件` printed with a unit
 * its value row does not print, `173回`, so the line is not taken for an actual) has no name and no
 * actual, and the actual's reason says it was not found: the layout always prints it; the line and
 * its basis are unknown lines. Before, the actual was `not_printed`, which the report contradicts,
 * and the two lines were read as the start of P6's 現状分析, so nothing said it.
 */
class NameLineNotFoundTest {
  @Test
  void anActualWhoseLineIsNotFoundIsNotFoundNotNotPrinted() {
    String h31 = Fixtures.text("h31").joined();
    String line = "交通事故件数 173件";
    assertThat(h31.indexOf(line)).isGreaterThan(0).isEqualTo(h31.lastIndexOf(line));
    ParsedReport r =
        new EvaluationReportParser()
            .parse(ReportText.of("h31.pdf", h31.replace(line, "交通事故件数 173回")));

    Kpi k = r.projects().get(5).kpis().get(0);
    assertThat(r.projects().get(5).projectNo()).isEqualTo(6);
    assertThat(k.name()).isNull();
    assertThat(k.actual().value()).isNull();
    assertThat(k.actual().printed()).isNull();
    assertThat(k.actual().nullReason()).isEqualTo("not_found");
    // the line and its basis are unknown lines, counted in the file's line, not read into the
    // project's 現状分析 (before, the 現状分析 began with them: `交通事故件数 173回 -7件/年 近年、…`)
    ParsedReport sample = new EvaluationReportParser().parse(Fixtures.text("h31"));
    assertThat(r.unknownResidue()).isEqualTo(sample.unknownResidue() + 2);
    assertThat(r.residue())
        .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN && l.page() == 3)
        .extracting(l -> l.text().strip())
        .containsExactly("交通事故件数 173回", "-7件/年");
    assertThat(r.residue())
        .filteredOn(l -> l.page() == 3 && l.cls() == ResidueClass.UNKNOWN)
        .allSatisfy(l -> assertThat(l.note()).contains("reads like a KPI name and actual"));
    assertThat(r.projects().get(5).narratives()).isEqualTo(sample.projects().get(5).narratives());
    assertThat(r.projects().get(5).budgetItems()).isEqualTo(sample.projects().get(5).budgetItems());
    // the sample itself has no KPI whose line is not found
    assertThat(sample.projects().stream().flatMap(p -> p.kpis().stream()))
        .noneMatch(x -> "not_found".equals(x.actual().nullReason()));
  }
}
