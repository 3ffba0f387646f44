package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the DuckDB driver finds its native library, as {@link DuckDbLibrary} predicts it. */
class DuckDbLibraryTest {
  @TempDir Path tmp;

  @Test
  void theNameIsTheOneTheDriverJarBundlesForThisPlatform() {
    // The test classpath has the plain driver jar, which bundles the library under that name.
    assertThat(DuckDbLibrary.class.getResource("/" + DuckDbLibrary.bundledName())).isNotNull();
    DuckDbLibrary.check();
  }

  @Test
  void aBundledLibraryNeedsNothingElse() {
    assertThat(DuckDbLibrary.missing(true, null, null)).isEmpty();
  }

  @Test
  void withoutABundledOneTheLibraryBesideTheJarOrOnTheLibraryPathIsFound() throws IOException {
    Path jarDir = Files.createDirectories(tmp.resolve("jar"));
    Path libDir = Files.createDirectories(tmp.resolve("lib"));
    String path = tmp.resolve("none") + File.pathSeparator + libDir;

    assertThat(DuckDbLibrary.missing(false, jarDir, path))
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .startsWith("DuckDB's native library is missing: ")
                    .contains(jarDir.resolve(DuckDbLibrary.bundledName()).toString())
                    .doesNotContain("\n"));

    Files.writeString(jarDir.resolve(DuckDbLibrary.bundledName()), "");
    assertThat(DuckDbLibrary.missing(false, jarDir, path)).isEmpty();

    Files.delete(jarDir.resolve(DuckDbLibrary.bundledName()));
    Files.writeString(libDir.resolve(System.mapLibraryName("duckdb_java")), "");
    assertThat(DuckDbLibrary.missing(false, jarDir, path)).isEmpty();
    assertThat(DuckDbLibrary.missing(false, null, path)).isEmpty();
  }
}
