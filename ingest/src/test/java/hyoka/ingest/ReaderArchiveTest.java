package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.ReportText;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReaderArchiveTest {
  @TempDir Path dir;

  private Path jar() throws IOException {
    Path target = Files.createDirectories(dir.resolve("cli/target"));
    Path jar = Files.write(target.resolve("hyoka.jar"), new byte[1234]);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.ofEpochSecond(1_700_000_000L)));
    return jar;
  }

  private Path java() throws IOException {
    Path java = Files.write(dir.resolve("java"), new byte[77]);
    Files.setLastModifiedTime(java, FileTime.from(Instant.ofEpochSecond(1_600_000_000L)));
    return java;
  }

  @Test
  void liesNextToTheJarKeyedToTheJarAndTheJavaBinaryAsTheLauncherKeysItsArchives()
      throws IOException {
    Path jar = jar();
    ReaderArchive a = ReaderArchive.find(jar.toString(), java());
    assertThat(a.file())
        .isEqualTo(jar.resolveSibling("cds").resolve("reader-1234-1700000000-77-1600000000.jsa"));

    // A rebuilt jar is another archive.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.ofEpochSecond(1_700_000_001L)));
    assertThat(ReaderArchive.find(jar.toString(), java()).file()).isNotEqualTo(a.file());
  }

  @Test
  void noArchiveForAFolderOnTheClassPathOrMoreThanOneEntry() throws IOException {
    // The JVM stops with an error when asked to archive classes from a non-empty folder.
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.write(classes.resolve("A.class"), new byte[1]);
    assertThat(ReaderArchive.find(classes.toString(), java())).isNull();
    assertThat(ReaderArchive.find(jar() + File.pathSeparator + jar(), java())).isNull();
    assertThat(ReaderArchive.find(dir.resolve("missing.jar").toString(), java())).isNull();
    assertThat(ReaderArchive.find("", java())).isNull();
  }

  @Test
  void canBeTurnedOff() throws IOException {
    Path jar = jar();
    System.setProperty(ReaderArchive.PROPERTY, "0");
    try {
      assertThat(ReaderArchive.find(jar.toString(), java())).isNull();
    } finally {
      System.clearProperty(ReaderArchive.PROPERTY);
    }
    assertThat(ReaderArchive.find(jar.toString(), java())).isNotNull();
  }

  @Test
  void oneReaderTrainsAndAGoodArchiveReplacesTheOnesOfOtherJars() throws IOException {
    ReaderArchive a = ReaderArchive.find(jar().toString(), java());
    assertThat(a.useOptions()).isEmpty();
    Path train = a.startTraining();
    assertThat(train.getParent()).isEqualTo(a.file().getParent());
    assertThat(train.getFileName().toString()).startsWith(a.file().getFileName() + ".");
    // Only one at a time: the pool's other readers start without.
    assertThat(a.startTraining()).isNull();

    Path older = Files.write(a.file().resolveSibling("reader-1-2-3-4.jsa"), new byte[] {1});
    Path leftOver = Files.write(a.file().resolveSibling("reader-1-2-3-4.jsa.9-1.tmp"), new byte[1]);
    Files.setLastModifiedTime(leftOver, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    Path running = Files.write(a.file().resolveSibling("reader-5-6-7-8.jsa.9-2.tmp"), new byte[1]);
    Path launchers = Files.write(a.file().resolveSibling("sql-1-2-3-4.jsa"), new byte[1]);
    Files.write(train, new byte[] {42});
    a.trained(train, true);

    assertThat(a.file()).hasBinaryContent(new byte[] {42});
    assertThat(a.useOptions()).containsExactly("-XX:SharedArchiveFile=" + a.file());
    assertThat(Files.exists(older)).isFalse();
    assertThat(Files.exists(leftOver)).isFalse();
    // Another run's training in progress, and the launcher's archives, are not the readers' to
    // drop.
    assertThat(running).exists();
    assertThat(launchers).exists();
    assertThat(files(a.file().getParent())).containsExactlyInAnyOrder(a.file(), running, launchers);
    // With the archive there, nobody trains.
    assertThat(a.startTraining()).isNull();
  }

  @Test
  void aFailedTrainingKeepsNothingAndLetsTheNextReaderTrain() throws IOException {
    ReaderArchive a = ReaderArchive.find(jar().toString(), java());
    Path train = a.startTraining();
    Files.write(train, new byte[] {42});
    a.trained(train, false);
    assertThat(files(a.file().getParent())).isEmpty();
    assertThat(a.useOptions()).isEmpty();
    Path again = a.startTraining();
    assertThat(again).isNotNull().isNotEqualTo(train);
    // A reader that exited cleanly but wrote nothing keeps nothing either.
    a.trained(again, true);
    assertThat(files(a.file().getParent())).isEmpty();
  }

  @Test
  void anArchiveAReaderDidNotStartWithIsDeletedAndNotUsedAgain() throws IOException {
    ReaderArchive a = ReaderArchive.find(jar().toString(), java());
    Path train = a.startTraining();
    Files.write(train, new byte[] {42});
    a.trained(train, true);
    assertThat(a.useOptions()).hasSize(1);
    a.discard();
    assertThat(Files.exists(a.file())).isFalse();
    assertThat(a.useOptions()).isEmpty();
    // Not trained again by this pool either: the next run tries afresh.
    assertThat(a.startTraining()).isNull();
    assertThat(ReaderArchive.find(jar().toString(), java()).startTraining()).isNotNull();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aDamagedArchiveCostsOnlyAStartOfTheReader() throws Exception {
    // A real dynamic archive, cut short: the JVM that maps it crashes (SIGBUS) instead of
    // refusing it, as it refuses one that does not fit.
    Path jar = dir.resolve("probe.jar");
    String entry = Probe.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        InputStream in = Probe.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
    }
    Path whole = dir.resolve("whole.jsa");
    Process dump =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + whole,
                "-Xlog:disable",
                "-cp",
                jar.toString(),
                Probe.class.getName())
            .redirectErrorStream(true)
            .start();
    dump.getInputStream().transferTo(OutputStream.nullOutputStream());
    assertThat(dump.waitFor()).isZero();
    byte[] bytes = Files.readAllBytes(whole);
    assertThat(bytes.length).isGreaterThan(50_000);
    ReaderArchive a = new ReaderArchive(dir.resolve("cds/reader-1-2-3-4.jsa"));
    Files.createDirectories(a.file().getParent());
    Files.write(a.file(), Arrays.copyOf(bytes, bytes.length / 2));

    ExtractLimits limits = new ExtractLimits(ExtractLimits.DEFAULT_MAX_FILE_BYTES, 120_000, 384);
    try (PdfReaders readers = new PdfReaders(limits, 1, a)) {
      ReportText text = readers.extract(Fixtures.samplePdf("h31"), "h31.pdf");
      assertThat(text.pages()).isEqualTo(Fixtures.text("h31").pages());
      // The first reader died as it started; the second started without the archive.
      assertThat(readers.started()).isEqualTo(2);
    }
    assertThat(Files.exists(a.file())).isFalse();
  }

  /** The program whose classes the damaged archive holds. */
  public static final class Probe {
    public static void main(String[] args) {
      System.out.println("probe");
    }
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }
}
