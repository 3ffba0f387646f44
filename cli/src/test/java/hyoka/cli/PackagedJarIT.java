package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code hyoka.jar} as the launcher runs it (after {@code package}: surefire's
 * integration-test execution in cli/pom.xml, which sets {@code hyoka.packagedJar}; the default
 * execution, which runs before the jar is made, skips it). Each test runs real JVMs from a copy of
 * the repository root whose jar is a link to the built one (the JVM resolves it, so DuckDB's
 * library beside the built jar is found), so nothing is written into the build's own target folder
 * and the launcher never builds.
 */
@EnabledIfSystemProperty(named = "hyoka.packagedJar", matches = "true")
class PackagedJarIT {
  private static final Path BUILT = Path.of("target").toAbsolutePath();

  @TempDir Path tmp;
  private Path root;
  private Path jar;
  private Path data;

  @BeforeEach
  void linkTheBuild() throws Exception {
    root = tmp.resolve("repo");
    Path target = Files.createDirectories(root.resolve("cli/target"));
    jar = target.resolve("hyoka.jar");
    Files.createSymbolicLink(jar, BUILT.resolve("hyoka.jar"));
    Files.createSymbolicLink(
        target.resolve("hyoka-kuromoji.jar"), BUILT.resolve("hyoka-kuromoji.jar"));
    Files.copy(Fixtures.samplesDir().getParent().resolve("hyoka"), root.resolve("hyoka"));
    // A warehouse file is all `hyoka sql` needs; this one is made by the test (the test JVM's
    // own driver, from the plain jar, copies its library to the default temp dir as it always did).
    data = Files.createDirectories(tmp.resolve("data"));
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + data.resolve("warehouse.duckdb"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t AS SELECT 41 + 1 AS answer");
    }
  }

  private static List<Path> nativeLibraries(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("libduckdb_java")).toList();
    }
  }

  @Test
  void theJarBundlesNoNativeLibraryAndTheBuildUnpackedItBesideTheJar() throws IOException {
    try (ZipFile z = new ZipFile(BUILT.resolve("hyoka.jar").toFile())) {
      assertThat(z.stream().map(e -> e.getName()).filter(n -> n.contains("libduckdb_java")))
          .isEmpty();
      assertThat(z.getEntry("org/duckdb/DuckDBDriver.class")).isNotNull();
    }
    assertThat(nativeLibraries(BUILT))
        .extracting(p -> p.getFileName().toString())
        .contains("libduckdb_java.so_linux_amd64");
  }

  /**
   * The stored copy of Kuromoji's dictionaries the short commands read first (the launcher puts it
   * before hyoka.jar): every dictionary file hyoka.jar holds, with the same bytes, not deflated.
   */
  @Test
  void theKuromojiDictionariesLieStoredBesideTheJar() throws IOException {
    String dict = "org/apache/lucene/analysis/ja/dict/";
    try (ZipFile all = new ZipFile(BUILT.resolve("hyoka.jar").toFile());
        ZipFile stored = new ZipFile(BUILT.resolve("hyoka-kuromoji.jar").toFile())) {
      List<? extends ZipEntry> dat =
          all.stream()
              .filter(e -> e.getName().startsWith(dict) && e.getName().endsWith(".dat"))
              .toList();
      assertThat(dat).extracting(ZipEntry::getName).contains(dict + "TokenInfoDictionary$fst.dat");
      for (ZipEntry e : dat) {
        ZipEntry copy = stored.getEntry(e.getName());
        assertThat(copy).as(e.getName()).isNotNull();
        assertThat(copy.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
        assertThat(copy.getCrc()).as(e.getName()).isEqualTo(e.getCrc());
        assertThat(copy.getSize()).as(e.getName()).isEqualTo(e.getSize());
      }
      assertThat(stored.stream().filter(e -> e.getName().endsWith(".class"))).isEmpty();
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aKilledQueryLeavesNothingInTheTempDirAndMapsTheLibraryBesideTheJar() throws Exception {
    Path jvmTmp = Files.createDirectories(tmp.resolve("jvm-tmp"));
    Process p =
        java(
                "-Djava.io.tmpdir=" + jvmTmp,
                "-jar",
                jar.toString(),
                "sql",
                "--data",
                data.toString(),
                "SELECT count(*) FROM range(1000000000000) a, range(1000) b")
            .start();
    try {
      Path maps = Path.of("/proc", Long.toString(p.pid()), "maps");
      String mapped = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (mapped == null && System.nanoTime() < deadline && p.isAlive()) {
        mapped =
            Files.readAllLines(maps, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("libduckdb_java"))
                .findFirst()
                .orElse(null);
        Thread.sleep(20);
      }
      assertThat(mapped).as("the query's JVM mapped DuckDB's library").isNotNull();
      assertThat(mapped).endsWith(BUILT.resolve("libduckdb_java.so_linux_amd64").toString());
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no deleteOnExit
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (Stream<Path> left = Files.list(jvmTmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aJarWithoutTheLibraryBesideItFailsInOneLine() throws Exception {
    Path alone = Files.createDirectories(tmp.resolve("alone")).resolve("hyoka.jar");
    try {
      Files.createLink(alone, BUILT.resolve("hyoka.jar")); // a link the JVM cannot resolve
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(BUILT.resolve("hyoka.jar"), alone);
    }
    Result r = run(java("-jar", alone.toString(), "sql", "--data", data.toString(), "SELECT 1"));
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .startsWith(
            "hyoka: DuckDB's native library is missing: "
                + alone.getParent().resolve("libduckdb_java.so_linux_amd64"));
  }

  /**
   * The launcher's class-data sharing: the first {@code sql} writes the archive, the second maps
   * hyoka's classes from it (the JVM's class-load log says where each class came from), both answer
   * the same, and stdout holds only the answer.
   */
  @Test
  void theLauncherWritesAClassArchiveOnceAndLaterRunsMapIt() throws Exception {
    Path log = tmp.resolve("classes.log");
    Map<String, String> env = Map.of("HYOKA_JAVA_OPTS", "-Xlog:class+load:file=" + log);
    Result first = run(launcher(env, "sql", "--data", data.toString(), "SELECT * FROM t"));
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo("answer\n------\n    42\n(1 row)\n");
    Path cds = root.resolve("cli/target/cds");
    List<Path> archives;
    try (Stream<Path> files = Files.list(cds)) {
      archives = files.toList();
    }
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).getFileName().toString()).startsWith("sql-").endsWith(".jsa");
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .doesNotContain("hyoka.cli.SqlCommand source: shared objects file");

    Result second = run(launcher(env, "sql", "--data", data.toString(), "SELECT * FROM t"));
    assertThat(second).isEqualTo(first);
    // a static archive: hyoka's classes, picocli's (Java 5 class files) and the JDK's in one
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("hyoka.cli.SqlCommand source: shared objects file")
        .contains("org.duckdb.DuckDBDriver source: shared objects file")
        .contains("picocli.CommandLine source: shared objects file");
  }

  /**
   * The jar's stand-in for the driver's JFR monitor (org.duckdb.JfrMemoryMonitor in cli): a query
   * opens the driver, runs, and loads no JFR class. With the driver's own class the JVM loads
   * {@code jdk.jfr.FlightRecorder} and ≈ 100 more as the driver's static initialiser runs.
   */
  @Test
  void theDriverStartsWithoutRegisteringAJfrEvent() throws Exception {
    Path log = tmp.resolve("classes.log");
    Result r =
        run(
            java(
                "-Xlog:class+load:file=" + log,
                "-jar",
                jar.toString(),
                "sql",
                "--data",
                data.toString(),
                "SELECT * FROM t"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("answer\n------\n    42\n(1 row)\n");
    List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(loaded).anyMatch(l -> l.contains(" org.duckdb.DuckDBDriver "));
    assertThat(loaded).anyMatch(l -> l.contains(" org.duckdb.JfrMemoryMonitor "));
    assertThat(loaded).noneMatch(l -> l.contains(" jdk.jfr."));
  }

  /**
   * The launcher with a heap of 48 MB (HYOKA_JAVA_OPTS) writes 5,000,000 rows of CSV: hyoka sql
   * streams them (before, the held result ran the JVM out of memory, and the launcher's
   * ExitOnOutOfMemoryError ended it with exit 3 and no row).
   */
  @Test
  void theLauncherWritesMillionsOfRowsUnderASmallHeap() throws Exception {
    Result r =
        run(
            launcher(
                Map.of("HYOKA_JAVA_OPTS", "-Xmx48m"),
                "sql",
                "--data",
                data.toString(),
                "--format",
                "csv",
                "SELECT * FROM range(5000000)"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("range\n0\n1\n").endsWith("\n4999998\n4999999\n");
    assertThat(r.out().lines().count()).isEqualTo(5_000_001);
  }

  private record Result(int code, String out, String err) {}

  private ProcessBuilder java(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:-UsePerfData");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  private ProcessBuilder launcher(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("hyoka").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    pb.environment().put("PATH", javaBin + ":" + System.getenv("PATH"));
    pb.environment().remove("HYOKA_CDS");
    pb.environment().putAll(env);
    return pb;
  }

  private Result run(ProcessBuilder pb) throws Exception {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
