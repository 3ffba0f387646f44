package hyoka.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by every command that reads or writes a data directory. */
final class DataDirOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "hyoka-data",
      description = "Data directory: warehouse.duckdb and index/ (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  Path warehouseFile() {
    return dataDir.resolve("warehouse.duckdb");
  }

  Path indexDir() {
    return dataDir.resolve("index");
  }
}
