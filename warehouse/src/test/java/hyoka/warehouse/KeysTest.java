package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysTest {
  @Test
  void wrappingAndFullWidthDoNotChangeAKey() {
    assertThat(Keys.normalize("ＬＥＤ 防犯灯の\u3000設置数")).isEqualTo("led防犯灯の設置数");
    assertThat(Keys.normalize("授業がよくわかると答えた児童の割合（小学校）"))
        .isEqualTo(Keys.normalize("授業がよくわかると答えた児童の\n割合(小学校)"));
    assertThat(Keys.kpiKey(Keys.projectKey("交通事故防止 啓発事業"), "交通事故件数"))
        .isEqualTo("交通事故防止啓発事業|交通事故件数");
  }

  @Test
  void sampleKeysAreUniqueAndTheSameInBothReports() {
    List<String> h30 = kpiKeys(Samples.ingested("h30"));
    List<String> h31 = kpiKeys(Samples.ingested("h31"));
    assertThat(h31).hasSize(73).doesNotHaveDuplicates().noneMatch(k -> k.contains("#"));
    assertThat(h30).containsExactlyInAnyOrderElementsOf(h31);
  }

  @Test
  void sameNamesInOneReportGetNumberedKeys() {
    ParsedReport base = Samples.parsed("h31");
    Project p1 = base.projects().get(0);
    Project twin =
        new Project(
            99,
            p1.groupNo(),
            p1.groupName(),
            p1.name(),
            p1.department(),
            p1.section(),
            p1.description(),
            p1.page(),
            p1.kpis(),
            List.of(),
            List.of());
    ParsedReport doubled =
        new ParsedReport(
            base.sourceFile(),
            base.layout(),
            base.fiscalYear(),
            base.title(),
            base.pageCount(),
            List.of(p1, twin),
            List.of(),
            base.gradeLegend());
    Map<String, List<Object[]>> rows =
        ReportRows.of(
            new IngestedReport(
                "0123456789abcdef",
                "x.pdf",
                "0123456789abcdef".repeat(4),
                "s",
                Instant.EPOCH,
                doubled));
    int key = Tables.PROJECTS.columnIndex("project_key");
    assertThat(rows.get("projects"))
        .extracting(r -> r[key])
        .containsExactly("市営住宅改善・建替事業", "市営住宅改善・建替事業#2");
    int kpiKey = Tables.KPIS.columnIndex("kpi_key");
    assertThat(rows.get("kpis"))
        .extracting(r -> r[kpiKey])
        .containsExactly("市営住宅改善・建替事業|市営住宅の改善・建替の実施棟数", "市営住宅改善・建替事業#2|市営住宅の改善・建替の実施棟数");
  }

  private static List<String> kpiKeys(IngestedReport r) {
    int kpiKey = Tables.KPIS.columnIndex("kpi_key");
    return ReportRows.of(r).get("kpis").stream().map(row -> (String) row[kpiKey]).toList();
  }
}
