package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.cli.CliTest.Run;
import hyoka.transform.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route by which SQL typed into {@code hyoka sql} could write, one test each: each is refused
 * with one line and exit 2, and afterwards the warehouse is byte for byte what it was and the data
 * directory holds the same files.
 */
class SqlReadOnlyTest {
  @TempDir static Path tmp;
  static Path data;
  static Path warehouse;
  private byte[] before;
  private List<String> listingBefore;

  @BeforeAll
  static void ingest() {
    data = tmp.resolve("data");
    Run r = CliTest.hyoka("ingest", "--data", data.toString(), Fixtures.samplesDir().toString());
    assertThat(r.code()).as(r.err()).isZero();
    warehouse = data.resolve("warehouse.duckdb");
  }

  @BeforeEach
  void snapshot() throws IOException {
    before = Files.readAllBytes(warehouse);
    listingBefore = listing(data);
  }

  @AfterEach
  void warehouseIsUntouched() throws IOException {
    assertThat(Arrays.equals(Files.readAllBytes(warehouse), before))
        .as("warehouse.duckdb is byte-identical")
        .isTrue();
    assertThat(listing(data)).isEqualTo(listingBefore);
    Run still = sql("SELECT count(*) AS n FROM kpis");
    assertThat(still.code()).as(still.err()).isZero();
    // the two reports' KPI rows and the FY2019 sheets'
    assertThat(still.out()).contains("219");
  }

  private static List<String> listing(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.forEach(p -> out.add(dir.relativize(p) + (Files.isDirectory(p) ? "/" : "")));
    }
    return out.stream().sorted().toList();
  }

  private static Run sql(String query) {
    return CliTest.hyoka("sql", "--data", data.toString(), "--format", "csv", query);
  }

  /** Exit 2 and exactly one line, {@code hyoka: } and then a message containing {@code reason}. */
  private static void refused(Run r, String reason) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("hyoka: ").endsWith("\n").contains(reason);
    assertThat(r.err().strip()).doesNotContain("\n");
  }

  @Test
  void copyOntoTheWarehouseFileItself() {
    refused(
        sql("COPY (SELECT 1) TO '" + warehouse + "'"),
        "file system operations are disabled by configuration");
  }

  @Test
  void copyToAnotherFile() {
    Path out = tmp.resolve("copied.csv");
    Run r = sql("COPY kpis TO '" + out + "' (FORMAT csv)");
    refused(r, "file system operations are disabled by configuration");
    assertThat(r.err()).contains("to read a file, name it with --table NAME=FILE");
    assertThat(out).doesNotExist();
  }

  @Test
  void exportDatabase() {
    Path out = tmp.resolve("exported");
    refused(
        sql("EXPORT DATABASE '" + out + "'"),
        "file system operations are disabled by configuration");
    assertThat(out).doesNotExist();
  }

  @Test
  void attachOfAHardLinkReadWriteThenDropTable() throws IOException {
    Path link = tmp.resolve("link/w.duckdb");
    Files.createDirectories(link.getParent());
    Files.deleteIfExists(link);
    Files.createLink(link, warehouse);
    refused(
        sql("ATTACH '" + link + "' AS w (READ_WRITE); DROP TABLE w.kpis"),
        "Cannot access file \"" + link + "\"");
  }

  @Test
  void attachInMemory() {
    refused(sql("ATTACH ':memory:' AS m; CREATE TABLE m.t AS SELECT 1"), "read-only mode");
  }

  @Test
  void setASetting() {
    Run r = sql("SET memory_limit = '1GB'");
    refused(r, "the configuration has been locked");
    assertThat(r.err()).contains("settings are locked on hyoka's read-only connection");
    refused(sql("SET lock_configuration = false"), "the configuration has been locked");
    refused(sql("RESET enable_external_access"), "the configuration has been locked");
    refused(sql("SET temp_directory = '" + data + "'"), "the configuration has been locked");
  }

  @Test
  void pragmaThatWouldWriteAFile() {
    refused(
        sql("PRAGMA profiling_output = '" + data.resolve("profile.json") + "'"),
        "the configuration has been locked");
    refused(sql("PRAGMA enable_profiling"), "the configuration has been locked");
  }

  @Test
  void aPragmaThatReadsStillWorks() {
    Run r = sql("PRAGMA table_info('kpis')");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("report_id,VARCHAR");
  }

  @Test
  void installAndLoad() {
    refused(sql("INSTALL httpfs"), "file system operations are disabled by configuration");
    refused(sql("LOAD httpfs"), "Loading external extensions is disabled");
    refused(
        sql("LOAD '" + tmp.resolve("evil.duckdb_extension") + "'"),
        "Loading external extensions is disabled");
  }

  @Test
  void checkpoint() {
    refused(sql("CHECKPOINT"), "CHECKPOINT does nothing here: the warehouse is opened read-only");
    refused(sql("FORCE CHECKPOINT"), "FORCE CHECKPOINT does nothing here");
  }

  @Test
  void vacuum() {
    refused(sql("SELECT 1; VACUUM kpis"), "VACUUM does nothing here");
  }

  @Test
  void aFileReadWithoutPermission() {
    Run r = sql("SELECT * FROM read_csv('/etc/passwd')");
    refused(r, "Cannot access file \"/etc/passwd\" - file system operations are disabled");
    refused(sql("SELECT * FROM read_text('/etc/hostname')"), "file system operations are disabled");
    refused(sql("SELECT * FROM glob('/etc/*')"), "file system operations are disabled");
  }

  @Test
  void aCreatedTableOrMacroIsRefusedButATemporaryTableWorks() {
    refused(sql("CREATE TABLE t AS SELECT 1"), "read-only mode");
    Run temp = sql("CREATE TEMP TABLE t AS SELECT 41 + 1 AS x; SELECT x FROM t");
    assertThat(temp.code()).as(temp.err()).isZero();
    assertThat(temp.out().lines()).containsExactly("x", "42");
  }

  @Test
  void aFileNamedAsATableJoinsAndStaysReadOnly() throws IOException {
    Path csv = tmp.resolve("mine.csv");
    Files.writeString(csv, "project_no,note\n8,snow\n", StandardCharsets.UTF_8);
    Run r =
        CliTest.hyoka(
            "sql",
            "--data",
            data.toString(),
            "--format",
            "csv",
            "--table",
            "notes=" + csv,
            "SELECT DISTINCT p.name, n.note FROM projects p JOIN notes n USING (project_no)");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("除雪事業,snow");
    // The named file is read into the table: the SQL cannot write it (allowed_paths would allow
    // it).
    Run write =
        CliTest.hyoka(
            "sql",
            "--data",
            data.toString(),
            "--table",
            "notes=" + csv,
            "COPY (SELECT 1) TO '" + csv + "' (USE_TMP_FILE false)");
    refused(write, "file system operations are disabled by configuration");
    assertThat(Files.readString(csv, StandardCharsets.UTF_8))
        .isEqualTo("project_no,note\n8,snow\n");
    refused(
        CliTest.hyoka(
            "sql", "--data", data.toString(), "--table", "notes=" + csv, "SET threads = 1"),
        "the configuration has been locked");
  }

  @Test
  void aBadTableOptionIsOneLine() {
    refused(
        CliTest.hyoka("sql", "--data", data.toString(), "--table", "nonsense", "SELECT 1"),
        "'nonsense' is not NAME=FILE");
    refused(
        CliTest.hyoka("sql", "--data", data.toString(), "--table", "kpis=" + warehouse, "SELECT 1"),
        "table name 'kpis' is a table or view of the warehouse: choose another");
    refused(
        CliTest.hyoka(
            "sql",
            "--data",
            data.toString(),
            "--table",
            "x=" + tmp.resolve("none.csv"),
            "SELECT 1"),
        "table x: " + tmp.resolve("none.csv") + " does not exist");
    refused(
        CliTest.hyoka("sql", "--data", data.toString(), "--table", "x=/dev/zero", "SELECT 1"),
        "table x: /dev/zero is not a regular file");
  }
}
