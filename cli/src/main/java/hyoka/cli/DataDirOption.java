package hyoka.cli;

import hyoka.search.SearchSnapshot;
import hyoka.search.Searcher;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.Warehouse;
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

  /** The warehouse of the data directory; a clear input error when nothing was ingested yet. */
  Warehouse requireWarehouse() {
    Warehouse warehouse = new Warehouse(dataDir);
    if (!warehouse.exists()) {
      throw new HyokaException(
          ErrorCode.NO_WAREHOUSE, "no warehouse in " + dataDir + ": run hyoka ingest first");
    }
    return warehouse;
  }

  /**
   * A searcher on the index commit of the published run, for commands that only search: found from
   * the warehouse file without starting DuckDB when the index records it (see {@link
   * SearchSnapshot#openSearcher}).
   */
  Searcher openSearcher() {
    Warehouse warehouse = requireWarehouse();
    return SearchSnapshot.openSearcher(warehouse.dbFile(), warehouse::openReadOnly, indexDir());
  }

  Path indexDir() {
    return dataDir.resolve("index");
  }
}
