package hyoka.cli;

import hyoka.search.SearchSnapshot;
import hyoka.search.Searcher;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option shared by every command that reads or writes a data directory: a
 * picocli mixin for the annotated commands, and {@link #option()} for {@code hyoka search}, whose
 * command line is built in code (see {@link SearchCommand}).
 */
final class DataDirOption {
  static final String NAME = "--data";
  static final String LABEL = "DIR";
  static final String DEFAULT = "hyoka-data";
  static final String DESCRIPTION =
      "Data directory: warehouse.duckdb and index/ (default: ${DEFAULT-VALUE}).";

  @Option(names = NAME, paramLabel = LABEL, defaultValue = DEFAULT, description = DESCRIPTION)
  Path dataDir;

  /** The same option for a command line built in code; its value is a {@link Path}. */
  static OptionSpec option() {
    return OptionSpec.builder(NAME)
        .paramLabel(LABEL)
        .type(Path.class)
        .defaultValue(DEFAULT)
        .description(DESCRIPTION)
        .build();
  }

  /** The option as parsed into {@code dir}. */
  static DataDirOption of(Path dir) {
    DataDirOption d = new DataDirOption();
    d.dataDir = dir;
    return d;
  }

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
