package hyoka.cli;

import hyoka.search.SearchSql;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.FileAccess;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.ResultFormat;
import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hyoka sql}: a DuckDB query on a locked-down read-only connection to the warehouse. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run a DuckDB SQL query against the warehouse on a read-only connection. search('…') in"
          + " FROM is a table of full-text hits over the narratives that joins with the tables.",
      "Nothing the SQL does can write a file or change a setting, and it reads no file but the"
          + " warehouse and those named with --table.",
      "search('query', [limit,] name := value, …) takes the filters of hyoka search by name:"
          + " year, series, project, department, group, kind, min_score, max_score, all_reports"
          + " (true/false), limit.",
      "Examples:",
      "  SELECT k.name, k.score FROM search('除雪') s JOIN kpis k USING (report_id, project_no)",
      "  SELECT count(*) FROM search('除雪', year := 2019, department := '建設')"
    })
final class SqlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  ResultFormat format;

  @Option(
      names = "--table",
      paramLabel = "NAME=FILE",
      description =
          "Read FILE (CSV, or Parquet or JSON by its extension) into a temporary table NAME that"
              + " the query can join; repeat for more files. Read once, before the connection is"
              + " locked: the query itself still reads and writes no file.")
  List<String> tables = new ArrayList<>();

  @Parameters(paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Override
  public Integer call() throws SQLException {
    Warehouse warehouse = data.requireWarehouse();
    try (Connection conn = warehouse.openReadOnly(fileAccess(tables))) {
      String sql = SearchSql.prepare(conn, data.indexDir(), query);
      QueryResult result = run(conn, sql);
      spec.commandLine().getOut().print(format.format(result));
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  /** The {@code --table NAME=FILE} options as a {@link FileAccess}. */
  static FileAccess fileAccess(List<String> specs) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (String spec : specs) {
      Map.Entry<String, Path> t = FileAccess.parseTable(spec);
      if (files.put(t.getKey(), t.getValue()) != null) {
        throw new HyokaException(
            ErrorCode.BAD_ARGUMENT, "--table " + t.getKey() + " is given twice");
      }
    }
    return files.isEmpty() ? FileAccess.NONE : FileAccess.tables(files);
  }

  /** Runs {@code sql}; DuckDB's refusals get a hint at why and what to do instead. */
  static QueryResult run(Connection conn, String sql) {
    try {
      return Warehouse.query(conn, sql);
    } catch (HyokaException e) {
      throw withHint(e);
    }
  }

  static HyokaException withHint(HyokaException e) {
    String m = e.getMessage();
    String hint = null;
    if (m.startsWith("Permission Error") && m.contains("disabled")) {
      hint =
          "hyoka sql writes no file and reads none but the warehouse;"
              + " to read a file, name it with --table NAME=FILE";
    } else if (m.contains("the configuration has been locked")) {
      hint = "settings are locked on hyoka's read-only connection";
    }
    return hint == null ? e : new HyokaException(e.code(), m + " (" + hint + ")", e);
  }
}
