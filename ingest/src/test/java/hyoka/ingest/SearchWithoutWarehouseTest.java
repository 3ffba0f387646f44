package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.search.SearchHit;
import hyoka.search.SearchRequest;
import hyoka.search.SearchSnapshot;
import hyoka.search.Searcher;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import hyoka.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hyoka search}'s way to the index commit of the published run ({@link
 * SearchSnapshot#openSearcher}): by the warehouse file's id that the ingest records in the commit,
 * so without DuckDB, which is shown by searching while another process holds the warehouse open for
 * writing (DuckDB then refuses every other process, read-only too). A data directory copied
 * elsewhere falls back to DuckDB, and its next ingest, even one that reads nothing, records the
 * copy's id.
 */
class SearchWithoutWarehouseTest {
  @TempDir Path dir;

  @Test
  void searchFindsThePublishedRunWhileAnotherProcessHoldsTheWarehouse() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("h30.pdf"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("h31.pdf"));
    Path data = dir.resolve("data");
    IngestRunTest.ingest(data, List.of(h30), null);
    IngestRunTest.ingest(data, List.of(h31), null);
    Warehouse warehouse = new Warehouse(data);
    Path index = data.resolve("index");
    Supplier<Connection> noWarehouse =
        () -> {
          throw new AssertionError("the warehouse was opened");
        };

    List<String> expected = List.of(id(h30), id(h31));
    Process writer = holdForWriting(warehouse.dbFile());
    try {
      // DuckDB lets no other process in while one holds the file for writing
      assertThatThrownBy(warehouse::openReadOnly)
          .isInstanceOf(HyokaException.class)
          .hasMessageContaining("Could not set lock on file");
      try (Searcher s = SearchSnapshot.openSearcher(warehouse.dbFile(), noWarehouse, index)) {
        assertThat(reports(s)).containsExactlyInAnyOrderElementsOf(expected);
      }
      try (Searcher s =
          SearchSnapshot.openSearcher(warehouse.dbFile(), warehouse::openReadOnly, index)) {
        assertThat(reports(s)).containsExactlyInAnyOrderElementsOf(expected);
      }
    } finally {
      writer.getOutputStream().close();
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    // a copy of the data directory (other inodes): the run comes from DuckDB, the same one
    Path copy = dir.resolve("copy");
    copyTree(data, copy);
    Warehouse copied = new Warehouse(copy);
    assertThatThrownBy(
            () -> SearchSnapshot.openSearcher(copied.dbFile(), noWarehouse, copy.resolve("index")))
        .isInstanceOf(AssertionError.class)
        .hasMessage("the warehouse was opened");
    try (Searcher s =
        SearchSnapshot.openSearcher(copied.dbFile(), copied::openReadOnly, copy.resolve("index"))) {
      assertThat(reports(s)).containsExactlyInAnyOrderElementsOf(expected);
    }
    // an ingest that reads nothing new records the copy's file in the run's commit
    IngestRunTest.Run again = IngestRunTest.ingest(copy, List.of(otaru), null);
    assertThat(again.summary().runId()).isZero();
    try (Searcher s =
        SearchSnapshot.openSearcher(copied.dbFile(), noWarehouse, copy.resolve("index"))) {
      assertThat(reports(s)).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(Agreement.assertAgree(copy)).containsOnlyKeys(expected);
  }

  private static List<String> reports(Searcher s) {
    return s.search(SearchRequest.of("除雪").withLimit(1000)).hits().stream()
        .map(SearchHit::reportId)
        .distinct()
        .toList();
  }

  private static String id(Path file) throws Exception {
    return IngestedReport.reportIdOf(IngestedReport.sha256Of(file));
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /**
   * Another JVM ({@link Holder}) that opens {@code db} for writing, reads from it, and keeps it
   * open until its standard input is closed.
   */
  private static Process holdForWriting(Path db) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Dfile.encoding")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Holder.class.getName());
    cmd.add(db.toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (!"holding run 2".equals(line)) {
      p.destroyForcibly();
      throw new AssertionError("the holder said " + line);
    }
    return p;
  }

  /** Holds a warehouse open for writing (and has read its run) until stdin closes. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT max(run_id) FROM runs")) {
        rs.next();
        System.out.println("holding run " + rs.getLong(1));
        System.out.flush();
        while (System.in.read() >= 0) {
          // until the test closes our stdin
        }
      }
    }
  }
}
