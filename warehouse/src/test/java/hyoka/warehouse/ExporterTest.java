package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

  /** Read by a DuckDB of the test's own: the warehouse's connections read no files. */
  private static long parquetRows(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM read_parquet('"
                    + file.toString().replace("'", "''")
                    + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void parquetHasEveryTableAndViewWithAllRows() throws SQLException {
    List<Path> files =
        new Exporter(warehouse).export(tmp.resolve("out"), ExportFormat.PARQUET, false);
    assertThat(files)
        .extracting(p -> p.getFileName().toString().replace(".parquet", ""))
        .containsExactlyInAnyOrderElementsOf(relations);
    for (String r : relations) {
      Path f = tmp.resolve("out").resolve(r + ".parquet");
      assertThat(parquetRows(f)).as(r).isEqualTo(count(r));
    }
    assertThat(count("kpi_conflicts")).isEqualTo(1);
  }

  @Test
  void csvHasHeaderAndUtf8Japanese() throws Exception {
    new Exporter(warehouse).export(tmp.resolve("csv"), ExportFormat.CSV, false);
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
    new Exporter(warehouse).export(tmp.resolve("arrow"), ExportFormat.ARROW, false);
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

  @Test
  void existingFilesAreKeptUnlessForced() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("kept"));
    Path kpis = Files.writeString(out.resolve("kpis.csv"), "mine\n", StandardCharsets.UTF_8);
    Path other = Files.writeString(out.resolve("notes.txt"), "notes\n", StandardCharsets.UTF_8);
    Exporter exporter = new Exporter(warehouse);
    assertThatThrownBy(() -> exporter.export(out, ExportFormat.CSV, false))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            out
                + " already holds kpis.csv: use --force to replace them, or export into"
                + " another directory")
        .extracting(e -> ((HyokaException) e).code())
        .isEqualTo(ErrorCode.BAD_ARGUMENT);
    assertThat(Files.readString(kpis, StandardCharsets.UTF_8)).isEqualTo("mine\n");
    assertThat(listing(out)).containsExactly("kpis.csv", "notes.txt");

    List<Path> files = exporter.export(out, ExportFormat.CSV, true);
    assertThat(files).hasSize(relations.size());
    assertThat(Files.readString(kpis, StandardCharsets.UTF_8)).startsWith("report_id,");
    assertThat(Files.readString(other, StandardCharsets.UTF_8)).isEqualTo("notes\n");
    // no staging directory is left behind
    assertThat(listing(out)).hasSize(relations.size() + 1).allMatch(n -> !n.startsWith("."));
  }

  @Test
  void aTargetThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new Exporter(warehouse).export(file, ExportFormat.PARQUET, true))
        .isInstanceOf(HyokaException.class)
        .hasMessage(file + " is a file: name a directory to export into");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("x");
  }

  @Test
  void theDataDirectoryAndFoldersInItAreRefused() throws Exception {
    Path data = warehouse.dataDir();
    List<String> before = listing(data);
    Path link = Files.createSymbolicLink(tmp.resolve("link-to-data"), data);
    for (Path out :
        List.of(data, data.resolve("index"), data.resolve("exports/new"), link.resolve("x"))) {
      assertThatThrownBy(() -> new Exporter(warehouse).export(out, ExportFormat.CSV, true))
          .isInstanceOf(HyokaException.class)
          .hasMessage(
              out
                  + " is inside the data directory "
                  + data
                  + ", which hyoka manages: export into a folder of its own");
    }
    assertThat(listing(data)).isEqualTo(before);
    // a sibling whose name starts with the data directory's is not inside it
    Path sibling = data.resolveSibling(data.getFileName() + "-export");
    assertThat(new Exporter(warehouse).export(sibling, ExportFormat.CSV, false)).isNotEmpty();
  }

  @Test
  void aFailureHalfwayLeavesTheTargetAsItWas() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("halfway"));
    Path old = Files.writeString(out.resolve("kpis.parquet"), "old", StandardCharsets.UTF_8);
    int[] seen = {0};
    Exporter failing =
        new Exporter(
            warehouse,
            staged -> {
              if (++seen[0] == 3) {
                throw new java.nio.file.FileSystemException(
                    staged.toString(), null, "No space left on device");
              }
            });
    assertThatThrownBy(() -> failing.export(out, ExportFormat.PARQUET, true))
        .isInstanceOf(HyokaException.class)
        .hasMessageStartingWith("export to " + out + " failed, nothing was written: ")
        .hasMessageEndingWith(": No space left on device");
    assertThat(seen[0]).isEqualTo(3);
    assertThat(listing(out)).containsExactly("kpis.parquet");
    assertThat(Files.readString(old, StandardCharsets.UTF_8)).isEqualTo("old");
    // a directory the export created is removed again
    Path fresh = tmp.resolve("fresh/sub");
    seen[0] = 0;
    assertThatThrownBy(() -> failing.export(fresh, ExportFormat.CSV, false))
        .isInstanceOf(HyokaException.class);
    assertThat(fresh).doesNotExist();
  }

  @Test
  void duckDbsWriteErrorGivesItsReason() {
    assertThat(
            Exporter.ioReason(
                "IO Error: Async write failed for range [offset=44, size=207018]:"
                    + " {\"exception_type\":\"IO\",\"exception_message\":\"Could not write file"
                    + " \\\"/o/k.csv\\\": No space left on device\",\"errno\":\"28\"}"))
        .isEqualTo("IO Error: Could not write file \"/o/k.csv\": No space left on device");
  }

  /**
   * A real full disk: a 16 KiB tmpfs (four pages), mounted when the tests run as root and may mount
   * (else skipped). Every format fails part way, and nothing is left behind, not even the
   * directory.
   */
  @Test
  void aFullDiskLeavesNoFileBehind() throws Exception {
    Path mnt = Files.createDirectories(tmp.resolve("tiny"));
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", mnt.toString())
            .redirectErrorStream(true)
            .start();
    boolean mounted;
    try {
      mounted = mount.waitFor() == 0;
    } finally {
      mount.getInputStream().close();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here");
    try {
      Path keep = Files.writeString(mnt.resolve("keep.txt"), "x", StandardCharsets.UTF_8);
      for (ExportFormat f : ExportFormat.values()) {
        Path out = mnt.resolve("out-" + f.extension());
        Exporter big = new Exporter(warehouse);
        assertThatThrownBy(() -> big.export(out, f, false))
            .as(f.label())
            .isInstanceOf(HyokaException.class)
            .hasMessageContaining("nothing was written")
            .hasMessageContaining("No space left on device");
        assertThat(out).as(f.label()).doesNotExist();
        assertThat(listing(mnt)).containsExactly("keep.txt");
      }
      assertThat(Files.readString(keep, StandardCharsets.UTF_8)).isEqualTo("x");
    } finally {
      new ProcessBuilder("umount", mnt.toString()).redirectErrorStream(true).start().waitFor();
    }
  }

  private static List<String> listing(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
