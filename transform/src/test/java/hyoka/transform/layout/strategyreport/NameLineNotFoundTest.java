package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Kpi;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import org.junit.jupiter.api.Test;

/**
 * A KPI whose name line the parser cannot tell in its block (P6's `交通事故件数 173件` printed with a unit
 * its value row does not print, `173回`, so the line is not taken for an actual) has no name and no
 * actual, and the actual's reason says it was not found: the layout always prints it. Before, it
 * was `not_printed`, which the report contradicts.
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
    // the sample itself has no KPI whose line is not found
    assertThat(
            new EvaluationReportParser()
                .parse(Fixtures.text("h31")).projects().stream().flatMap(p -> p.kpis().stream()))
        .noneMatch(x -> "not_found".equals(x.actual().nullReason()));
  }
}
