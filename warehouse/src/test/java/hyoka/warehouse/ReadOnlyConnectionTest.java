package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Warehouse#openReadOnly(FileAccess)}: no file access, or named files read in before. */
class ReadOnlyConnectionTest {
  @TempDir Path tmp;
  private Warehouse warehouse;

  @BeforeEach
  void publish() {
    warehouse = new Warehouse(tmp.resolve("data"));
    IngestedReport r =
        HandReports.report(
            HandReports.sha('1'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z"));
    Path dir = tmp.resolve("shards").resolve(r.reportId());
    ReportShard.write(r, dir);
    warehouse.publish(
        List.of(dir), new RunStats(Instant.parse("2026-01-01T00:00:00Z"), 0, List.of()));
  }

  private static QueryResult run(Connection c, String sql) {
    return Warehouse.query(c, sql);
  }

  @Test
  void withoutFileAccessNoFileIsReadAndNothingSet() throws Exception {
    try (Connection c = warehouse.openReadOnly(FileAccess.NONE)) {
      assertThat(run(c, "SELECT count(*) AS n FROM reports").get(0, "n")).isEqualTo(1L);
      assertThatThrownBy(() -> run(c, "SELECT * FROM read_csv('/etc/passwd')"))
          .isInstanceOf(HyokaException.class)
          .hasMessage(
              "Permission Error: Cannot access file \"/etc/passwd\" - file system operations are"
                  + " disabled by configuration")
          .extracting(e -> ((HyokaException) e).code())
          .isEqualTo(ErrorCode.BAD_QUERY);
      assertThatThrownBy(() -> run(c, "SET enable_external_access = true"))
          .hasMessageContaining("the configuration has been locked");
      assertThat(run(c, "SELECT current_setting('temp_directory') AS t").get(0, "t")).isEqualTo("");
    }
  }

  @Test
  void namedFilesAreTablesAndTheConnectionIsLockedAfterwards() throws Exception {
    Path csv = Files.writeString(tmp.resolve("a.csv"), "x,y\n1,一\n2,二\n", StandardCharsets.UTF_8);
    Path parquet = tmp.resolve("b.parquet");
    try (Connection own = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = own.createStatement()) {
      s.execute("COPY (SELECT 7 AS z) TO '" + parquet + "' (FORMAT parquet)");
    }
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("mine", csv);
    files.put("theirs", parquet);
    try (Connection c = warehouse.openReadOnly(FileAccess.tables(files))) {
      assertThat(run(c, "SELECT y FROM mine WHERE x = 2").get(0, "y")).isEqualTo("二");
      assertThat(run(c, "SELECT z FROM theirs").get(0, "z")).isEqualTo(7);
      assertThatThrownBy(() -> run(c, "SELECT * FROM read_csv('" + csv + "')"))
          .hasMessageContaining("file system operations are disabled");
      assertThatThrownBy(() -> run(c, "COPY mine TO '" + csv + "' (USE_TMP_FILE false)"))
          .hasMessageContaining("file system operations are disabled");
      assertThatThrownBy(() -> run(c, "SET lock_configuration = false"))
          .hasMessageContaining("the configuration has been locked");
    }
    assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo("x,y\n1,一\n2,二\n");
  }

  @Test
  void aBadNameOrFileIsABadArgument() throws Exception {
    Path csv = Files.writeString(tmp.resolve("a.csv"), "x\n1\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FileAccess.tables(Map.of("1x", csv)))
        .hasMessage(
            "table name '1x' for "
                + csv
                + " must be letters, digits and _ (not starting with a digit)");
    assertThatThrownBy(() -> warehouse.openReadOnly(FileAccess.tables(Map.of("REPORTS", csv))))
        .hasMessage("table name 'REPORTS' is a table or view of the warehouse: choose another");
    Path broken = Files.write(tmp.resolve("broken.parquet"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> warehouse.openReadOnly(FileAccess.tables(Map.of("b", broken))))
        .isInstanceOf(HyokaException.class)
        .hasMessageStartingWith("cannot read table b from " + broken + ": ")
        .extracting(e -> ((HyokaException) e).code())
        .isEqualTo(ErrorCode.BAD_ARGUMENT);
  }
}
