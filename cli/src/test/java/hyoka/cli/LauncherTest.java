package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code hyoka} launcher's choice of JIT: C1 only for the short commands and small ingests, the
 * JVM default (C2) for the long ones. The real script runs from a copy of the repository root that
 * holds only the script and an up-to-date jar (so it builds nothing), with a {@code java} on the
 * PATH that writes the arguments it was given.
 */
class LauncherTest {
  private static final String C1 = "-XX:TieredStopAtLevel=1";

  @TempDir Path tmp;
  private Path root;
  private Path bin;

  @BeforeEach
  void copyLauncher() throws IOException {
    root = tmp.resolve("repo");
    Path jar = root.resolve("cli/target/hyoka.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "", StandardCharsets.UTF_8);
    Path launcher = Fixtures.samplesDir().getParent().resolve("hyoka");
    Files.copy(launcher, root.resolve("hyoka"));
    bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = bin.resolve("java");
    // It also writes the class list it is asked for, and as a dump (-Xshare:dump, whose output
    // the launcher discards) the archive, with its arguments in dumps.log; a command exits with
    // $STUB_RC, a dump with $STUB_DUMP_RC.
    Files.writeString(
        java,
        "#!/usr/bin/env bash\n"
            + "if [[ \" $* \" == *' -Xshare:dump '* ]]; then\n"
            + "  printf '%s\\n' \"$@\" >> "
            + tmp.resolve("dumps.log")
            + "\n"
            + "  [[ ${STUB_DUMP_RC:-0} == 0 ]] || exit $STUB_DUMP_RC\n"
            + "  for a; do case $a in -XX:SharedArchiveFile=*) echo jsa > \"${a#*=}\";; esac; done\n"
            + "  exit 0\n"
            + "fi\n"
            + "printf '%s\\n' \"$@\"\n"
            + "for a; do case $a in -XX:DumpLoadedClassList=*) echo list > \"${a#*=}\";; esac; done\n"
            + "for a; do case $a in -XX:ArchiveClassesAtExit=*) echo jsa > \"${a#*=}\";; esac; done\n"
            + "exit ${STUB_RC:-0}\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private List<String> javaArgs(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("hyoka").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().remove("HYOKA_JAVA_OPTS");
    pb.environment().remove("HYOKA_CDS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(Integer.parseInt(env.getOrDefault("STUB_RC", "0")));
    List<String> lines = out.lines().toList();
    // the launcher got as far as running the jar with the user's arguments
    String jar = root.resolve("cli/target/hyoka.jar").toString();
    assertThat(lines).contains("-cp");
    assertThat(lines.get(lines.indexOf("-cp") + 1))
        .isIn(jar, root.resolve("cli/target/hyoka-kuromoji.jar") + File.pathSeparator + jar);
    assertThat(lines.get(lines.indexOf("-cp") + 2)).isEqualTo("hyoka.cli.Main");
    assertThat(lines.subList(lines.size() - args.length, lines.size())).containsExactly(args);
    return lines;
  }

  private Path pdfs(String name, int n) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name).resolve("nested"));
    for (int i = 0; i < n; i++) {
      Files.writeString(
          dir.resolve(String.format(Locale.ROOT, "r%03d.%s", i, i % 2 == 0 ? "pdf" : "PDF")),
          "",
          StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("notes.txt"), "", StandardCharsets.UTF_8);
    return dir.getParent();
  }

  @Test
  void shortCommandsAndSmallIngestsRunOnC1() throws Exception {
    String samples = Fixtures.samplesDir().toString();
    assertThat(javaArgs(Map.of(), "ingest", "--data", tmp.toString(), samples)).contains(C1);
    assertThat(javaArgs(Map.of(), "ingest", pdfs("three-hundred", 300).toString())).contains(C1);
    assertThat(javaArgs(Map.of(), "sql", "SELECT 1")).contains(C1);
    assertThat(javaArgs(Map.of(), "search", "除雪")).contains(C1);
    assertThat(javaArgs(Map.of(), "export", "out")).contains(C1);
  }

  @Test
  void longRunsKeepTheJvmDefault() throws Exception {
    Path many = pdfs("many", 301);
    assertThat(javaArgs(Map.of(), "ingest", many.toString())).noneMatch(a -> a.contains("Tiered"));
    // two folders that together pass the limit
    Path more = pdfs("more", 200);
    assertThat(javaArgs(Map.of(), "ingest", pdfs("some", 200).toString(), more.toString()))
        .noneMatch(a -> a.contains("Tiered"));
    String samples = Fixtures.samplesDir().toString();
    assertThat(javaArgs(Map.of(), "ingest", "--runner", "flink", samples))
        .noneMatch(a -> a.contains("Tiered"));
    assertThat(javaArgs(Map.of(), "bench")).noneMatch(a -> a.contains("Tiered"));
    assertThat(javaArgs(Map.of(), "notebook", "kernel")).noneMatch(a -> a.contains("Tiered"));
  }

  private List<String> archives() throws IOException {
    Path cds = root.resolve("cli/target/cds");
    if (!Files.isDirectory(cds)) {
      return List.of();
    }
    try (var files = Files.list(cds)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String option(List<String> args, String prefix) {
    return args.stream().filter(a -> a.startsWith(prefix)).findFirst().orElse(null);
  }

  private List<String> dumps() throws IOException {
    Path log = tmp.resolve("dumps.log");
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }

  /**
   * The short commands: the first run lists the classes it loads and a static class archive of them
   * is dumped, later runs map it; a rebuilt jar gets a new one (and the old one goes); a run or a
   * dump that fails keeps none; the long commands and HYOKA_CDS=0 get neither.
   */
  @Test
  void shortCommandsGetAClassArchiveKeyedToTheJar() throws Exception {
    // a run that only prints help or the version trains no archive: it loads too few classes
    for (String[] help :
        List.of(
            new String[] {"sql", "--help"},
            new String[] {"sql", "-V"},
            new String[] {"search", "--data", "d", "-h"})) {
      List<String> args = javaArgs(Map.of(), help);
      assertThat(option(args, "-XX:DumpLoadedClassList=")).as(help[1]).isNull();
    }
    assertThat(archives()).isEmpty();
    List<String> first = javaArgs(Map.of(), "sql", "SELECT 1");
    String list = option(first, "-XX:DumpLoadedClassList=");
    assertThat(list).isNotNull().contains(root.resolve("cli/target/cds/sql-static-").toString());
    assertThat(first).contains("-XX:+UseSerialGC", "-XX:-UsePerfData");
    assertThat(option(first, "-XX:SharedArchiveFile=")).isNull();
    assertThat(archives()).hasSize(1).allMatch(n -> n.startsWith("sql-") && n.endsWith(".jsa"));
    String archive = archives().get(0);
    // the dump read the run's class list and the jar, and wrote the archive under another name
    assertThat(dumps())
        .contains(
            "-Xshare:dump",
            // a dump JVM never removes its /tmp/hsperfdata_$USER/<pid> file: it must not make one
            "-XX:-UsePerfData",
            "-XX:SharedClassListFile=" + list.substring(list.indexOf('=') + 1),
            "-cp",
            root.resolve("cli/target/hyoka.jar").toString())
        .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=") && a.endsWith(".tmp"));

    List<String> second = javaArgs(Map.of(), "sql", "SELECT 2");
    assertThat(option(second, "-XX:SharedArchiveFile="))
        .isEqualTo("-XX:SharedArchiveFile=" + root.resolve("cli/target/cds").resolve(archive));
    assertThat(option(second, "-XX:DumpLoadedClassList=")).isNull();

    // search has its own archive
    javaArgs(Map.of(), "search", "除雪");
    assertThat(archives()).hasSize(2).anyMatch(n -> n.startsWith("search-"));

    // a rebuilt jar: another size, so another key; the sql archive of the old jar goes
    Files.writeString(root.resolve("cli/target/hyoka.jar"), "rebuilt", StandardCharsets.UTF_8);
    assertThat(option(javaArgs(Map.of(), "sql", "SELECT 3"), "-XX:DumpLoadedClassList="))
        .isNotNull();
    assertThat(archives()).hasSize(2).doesNotContain(archive);

    // a failing first run keeps no archive and dumps none; nor does a failing dump
    Files.writeString(
        root.resolve("cli/target/hyoka.jar"), "rebuilt again", StandardCharsets.UTF_8);
    int dumped = dumps().size();
    javaArgs(Map.of("STUB_RC", "2"), "search", "(");
    assertThat(dumps()).hasSize(dumped);
    javaArgs(Map.of("STUB_DUMP_RC", "1"), "search", "除雪");
    assertThat(dumps()).hasSizeGreaterThan(dumped);
    assertThat(archives())
        .noneMatch(n -> n.startsWith("search-"))
        .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".classlist"));

    assertThat(javaArgs(Map.of("HYOKA_CDS", "0"), "search", "除雪"))
        .noneMatch(
            a -> a.startsWith("-XX:DumpLoadedClassList") || a.startsWith("-XX:SharedArchive"));
    // a query word that reads like an option after -- is a query: that run trains
    assertThat(option(javaArgs(Map.of(), "search", "--", "-h"), "-XX:DumpLoadedClassList="))
        .isNotNull();
    assertThat(javaArgs(Map.of(), "bench", "--copies", "2"))
        .noneMatch(a -> a.contains("Archive") || a.contains("ClassList") || a.contains("SerialGC"));
  }

  /**
   * An ingest's JVM: the first ingest after a build writes a dynamic archive as it exits, kept when
   * it ran to its end (exit 0, or 1 for rejected files), later ingests map it; its collector stays
   * the default one and JVM warnings go to stderr, not among the ingest's lines on stdout.
   */
  @Test
  void ingestsGetADynamicClassArchiveKeyedToTheJar() throws Exception {
    String samples = Fixtures.samplesDir().toString();
    // a run that prints only the help trains none
    assertThat(option(javaArgs(Map.of(), "ingest", "--help"), "-XX:ArchiveClassesAtExit="))
        .isNull();
    // a run that fails keeps none
    List<String> failed = javaArgs(Map.of("STUB_RC", "2"), "ingest", "--data", "x", samples);
    assertThat(option(failed, "-XX:ArchiveClassesAtExit=")).isNotNull();
    assertThat(archives()).isEmpty();
    // one that rejected files keeps it
    List<String> first = javaArgs(Map.of("STUB_RC", "1"), "ingest", "--data", "x", samples);
    String train = option(first, "-XX:ArchiveClassesAtExit=");
    assertThat(train)
        .isNotNull()
        .contains(root.resolve("cli/target/cds/ingest-dynamic-").toString())
        .endsWith(".tmp");
    assertThat(first)
        .contains("-Xlog:disable", "-Xlog:all=warning,cds*=off:stderr")
        .doesNotContain("-XX:+UseSerialGC");
    assertThat(archives())
        .singleElement()
        .matches(n -> n.startsWith("ingest-dynamic-") && n.endsWith(".jsa"));
    String archive = archives().get(0);

    List<String> second = javaArgs(Map.of(), "ingest", "--data", "x", samples);
    assertThat(option(second, "-XX:SharedArchiveFile="))
        .isEqualTo("-XX:SharedArchiveFile=" + root.resolve("cli/target/cds").resolve(archive));
    assertThat(option(second, "-XX:ArchiveClassesAtExit=")).isNull();

    // a rebuilt jar trains a new one, and the old one goes
    Files.writeString(root.resolve("cli/target/hyoka.jar"), "rebuilt", StandardCharsets.UTF_8);
    javaArgs(Map.of(), "ingest", "--data", "x", samples);
    assertThat(archives()).singleElement().isNotEqualTo(archive);

    assertThat(javaArgs(Map.of("HYOKA_CDS", "0"), "ingest", "--data", "x", samples))
        .noneMatch(a -> a.contains("Archive") || a.contains("-Xlog:disable"));
  }

  /**
   * With the build's stored copy of Kuromoji's dictionaries beside the jar, the short commands put
   * it before the jar on their class path, the dump of their archive too, and the archive's name
   * holds its key, so a changed copy gets a new archive; an ingest keeps the jar alone on its class
   * path (its PDF readers keep a class archive only for a class path of one jar).
   */
  @Test
  void shortCommandsReadTheStoredDictionariesFirst() throws Exception {
    Path dict = root.resolve("cli/target/hyoka-kuromoji.jar");
    Files.writeString(dict, "dict", StandardCharsets.UTF_8);
    String jar = root.resolve("cli/target/hyoka.jar").toString();
    String both = dict + File.pathSeparator + jar;
    for (String command : List.of("search", "sql", "export")) {
      List<String> args = javaArgs(Map.of(), command, "x");
      assertThat(args.get(args.indexOf("-cp") + 1)).as(command).isEqualTo(both);
    }
    List<String> dumps = dumps();
    assertThat(dumps.get(dumps.indexOf("-cp") + 1)).isEqualTo(both);
    String dictKey = "-4-" + Files.getLastModifiedTime(dict).toInstant().getEpochSecond() + ".jsa";
    assertThat(archives()).hasSize(3).allMatch(n -> n.endsWith(dictKey));

    Files.writeString(dict, "dict 2", StandardCharsets.UTF_8);
    assertThat(option(javaArgs(Map.of(), "search", "x"), "-XX:DumpLoadedClassList=")).isNotNull();
    assertThat(archives()).hasSize(3).anyMatch(n -> n.startsWith("search-") && n.contains("-6-"));

    List<String> ingest = javaArgs(Map.of(), "ingest", "--data", "x", "y");
    assertThat(ingest.get(ingest.indexOf("-cp") + 1)).isEqualTo(jar);
  }

  @Test
  void everyCommandRunsUnderAHeapLimitAndExitsOnOutOfMemory() throws Exception {
    for (String command : List.of("ingest", "sql", "bench")) {
      assertThat(javaArgs(Map.of(), command, "x"))
          .as(command)
          .contains("-Xmx2g", "-XX:+ExitOnOutOfMemoryError");
    }
    List<String> own = javaArgs(Map.of("HYOKA_JAVA_OPTS", "-Xmx6g"), "ingest", "x");
    assertThat(own).contains("-Xmx6g", "-XX:+ExitOnOutOfMemoryError").doesNotContain("-Xmx2g");
  }

  @Test
  void aTieredOptionOfTheUserDecides() throws Exception {
    List<String> args =
        javaArgs(Map.of("HYOKA_JAVA_OPTS", "-XX:+TieredCompilation"), "sql", "SELECT 1");
    assertThat(args).contains("-XX:+TieredCompilation").doesNotContain(C1);
  }
}
