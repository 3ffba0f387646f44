package hyoka.warehouse;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where DuckDB's JNI library comes from, checked before the first connection.
 *
 * <p>DuckDB's JDBC driver copies the native library it bundles (≈ 71 MB on Linux) to a new file in
 * {@code java.io.tmpdir} on every start and deletes it only at a normal exit, so each start paid
 * for the copy and each killed process left one behind. Since duckdb-java 1.4.2 (pull requests 450
 * and 459 of duckdb/duckdb-java) the driver loads an external library when the jar bundles none:
 * first {@code System.loadLibrary("duckdb_java")} (the {@code java.library.path}), then a file with
 * the bundled name ({@code libduckdb_java.so_linux_amd64}, …) in the folder of the jar the driver's
 * classes come from. So {@code hyoka.jar} leaves the bundled copies out and the build unpacks them
 * beside the jar, once per build (cli/pom.xml). Test and IDE classpaths keep the plain driver jar,
 * which still copies.
 *
 * <p>Without this check, a {@code hyoka.jar} copied away from that folder fails inside the driver's
 * static initialiser with a stack trace; this says in one line what is missing.
 */
final class DuckDbLibrary {
  private static volatile boolean checked;

  private DuckDbLibrary() {}

  /**
   * @throws HyokaException INTERNAL_ERROR naming the missing file when the driver would find no
   *     native library
   */
  static void check() {
    if (checked) {
      return;
    }
    boolean bundled = DuckDbLibrary.class.getResource("/" + bundledName()) != null;
    Optional<String> missing =
        missing(bundled, driverJarDir(), System.getProperty("java.library.path"));
    if (missing.isPresent()) {
      throw new HyokaException(ErrorCode.INTERNAL_ERROR, missing.get());
    }
    checked = true;
  }

  /** The bundled library's name for this JVM, as the driver spells it. */
  static String bundledName() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).strip();
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT).strip();
    if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.startsWith("mac")) {
      os = "macos";
    } else if (os.startsWith("linux")) {
      os = "linux";
    }
    arch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    return "libduckdb_java.so_" + os + "_" + arch;
  }

  /**
   * Why the driver would find no library, or empty when it will: its jar bundles one, or {@code
   * libraryPath} holds {@code duckdb_java}, or {@code jarDir} holds the bundled name.
   */
  static Optional<String> missing(boolean bundled, Path jarDir, String libraryPath) {
    if (bundled) {
      return Optional.empty();
    }
    List<Path> looked = new ArrayList<>();
    String mapped = System.mapLibraryName("duckdb_java");
    for (String dir : (libraryPath == null ? "" : libraryPath).split(File.pathSeparator, -1)) {
      if (!dir.isEmpty()) {
        Path p = Path.of(dir).resolve(mapped);
        if (Files.isRegularFile(p)) {
          return Optional.empty();
        }
      }
    }
    if (jarDir != null) {
      Path beside = jarDir.resolve(bundledName());
      if (Files.isRegularFile(beside)) {
        return Optional.empty();
      }
      looked.add(beside);
    }
    return Optional.of(
        "DuckDB's native library is missing: "
            + (looked.isEmpty() ? bundledName() : looked.get(0))
            + " (the build unpacks it beside hyoka.jar: run ./hyoka or mvn package -pl cli -am,"
            + " or put "
            + mapped
            + " on -Djava.library.path)");
  }

  /** The folder of the jar that holds the driver's classes; null when they are not in a jar. */
  private static Path driverJarDir() {
    try {
      CodeSource cs =
          Class.forName("org.duckdb.DuckDBDriver", false, DuckDbLibrary.class.getClassLoader())
              .getProtectionDomain()
              .getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        return null;
      }
      Path p = Path.of(cs.getLocation().toURI());
      return Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : null;
    } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
