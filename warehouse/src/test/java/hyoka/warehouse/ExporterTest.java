package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
  @TempDir Path tmp;
  private Warehouse warehouse;
  private List<String> relations;

  @BeforeEach
  void publish() {
    warehouse = new Warehouse(tmp.resolve("data"));
    List<Path> shards = new ArrayList<>();
    for (IngestedReport r :
        List.of(
            HandReports.report(
                HandReports.sha('1'), 2018, "230", Instant.parse("2026-01-01T00:00:00Z")),
            HandReports.report(
                HandReports.sha('2'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z")))) {
      Path dir = tmp.resolve("shards").resolve(r.reportId());
      ReportShard.write(r, dir);
      shards.add(dir);
    }
    warehouse.publish(
        shards,
        new RunStats(
            Instant.parse("2026-01-01T00:00:00Z"),
            0,
            List.of(new RunStats.Rejection("broken.pdf", "not_a_pdf: broken.pdf is not a PDF"))));
    relations = new ArrayList<>();
    Tables.ALL.forEach(t -> relations.add(t.name()));
    relations.addAll(Schema.viewNames());
  }

  private long count(String relation) {
    return (Long) warehouse.query("SELECT count(*) AS n FROM " + relation).get(0, "n");
  }

  @Test
  void parquetHasEveryTableAndViewWithAllRows() {
    List<Path> files = new Exporter(warehouse).export(tmp.resolve("out"), ExportFormat.PARQUET);
    assertThat(files)
        .extracting(p -> p.getFileName().toString().replace(".parquet", ""))
        .containsExactlyInAnyOrderElementsOf(relations);
    for (String r : relations) {
      Path f = tmp.resolve("out").resolve(r + ".parquet");
      long n =
          (Long) warehouse.query("SELECT count(*) AS n FROM read_parquet('" + f + "')").get(0, "n");
      assertThat(n).as(r).isEqualTo(count(r));
    }
    assertThat(count("kpi_conflicts")).isEqualTo(1);
  }

  @Test
  void csvHasHeaderAndUtf8Japanese() throws Exception {
    new Exporter(warehouse).export(tmp.resolve("csv"), ExportFormat.CSV);
    List<String> lines =
        Files.readAllLines(tmp.resolve("csv/kpi_conflicts.csv"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("series,kpi_key,project_name,kpi_name,fiscal_year,kind,");
    assertThat(lines.get(1)).contains("交通事故件数").contains("230").contains("244");
    assertThat(Files.readAllLines(tmp.resolve("csv/rejections.csv"), StandardCharsets.UTF_8))
        .contains("1,broken.pdf,not_a_pdf: broken.pdf is not a PDF");
  }

  @Test
  void arrowFilesReadBackWithAllRows() throws Exception {
    new Exporter(warehouse).export(tmp.resolve("arrow"), ExportFormat.ARROW);
    try (BufferAllocator allocator = new RootAllocator()) {
      for (String r : relations) {
        long rows = 0;
        try (FileChannel ch =
                FileChannel.open(
                    tmp.resolve("arrow").resolve(r + ".arrow"), StandardOpenOption.READ);
            ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
          while (reader.loadNextBatch()) {
            rows += reader.getVectorSchemaRoot().getRowCount();
          }
          if (r.equals("kpi_series")) {
            assertThat(
                    reader
                        .getVectorSchemaRoot()
                        .getSchema()
                        .findField("actual")
                        .getType()
                        .toString())
                .isEqualTo("FloatingPoint(DOUBLE)");
          }
        }
        assertThat(rows).as(r).isEqualTo(count(r));
      }
    }
  }
}
