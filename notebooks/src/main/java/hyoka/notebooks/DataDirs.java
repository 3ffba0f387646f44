package hyoka.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a notebook's data directory is. A kernel starts on {@code $HYOKA_DATA} if set, else on the
 * default it was given (the CLI's {@code hyoka-data}); a relative default is looked up from the
 * notebook's folder upward, so notebooks in {@code notebooks/} find the {@code hyoka-data} that
 * {@code ./hyoka ingest samples/} made at the repository root.
 */
final class DataDirs {
  /** The environment variable that names the data directory for every notebook of a kernel. */
  static final String ENV = "HYOKA_DATA";

  static final String WAREHOUSE_FILE = "warehouse.duckdb";

  private DataDirs() {}

  /** The data directory a kernel starts with. */
  static Path initial(Map<String, String> env, Path defaultDataDir, Path cwd) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return cwd.resolve(fromEnv.trim()).normalize();
    }
    if (defaultDataDir.isAbsolute()) {
      return defaultDataDir.normalize();
    }
    for (Path d = cwd; d != null; d = d.getParent()) {
      Path candidate = d.resolve(defaultDataDir);
      if (Files.isRegularFile(candidate.resolve(WAREHOUSE_FILE))) {
        return candidate.normalize();
      }
    }
    return cwd.resolve(defaultDataDir).normalize();
  }

  /** A path as the notebook should print it: relative to its folder when that is shorter. */
  static String display(Path dir, Path cwd) {
    Path abs = dir.toAbsolutePath().normalize();
    Path base = cwd.toAbsolutePath().normalize();
    if (abs.getRoot() != null && abs.getRoot().equals(base.getRoot())) {
      String rel = base.relativize(abs).toString();
      if (rel.isEmpty()) {
        return ".";
      }
      if (rel.length() < abs.toString().length() && !rel.startsWith("../../..")) {
        return rel;
      }
    }
    return abs.toString();
  }
}
