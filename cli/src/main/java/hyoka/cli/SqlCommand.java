package hyoka.cli;

import hyoka.search.SearchSql;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.ResultFormat;
import hyoka.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hyoka sql}: a DuckDB query on a read-only connection to the warehouse. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run a DuckDB SQL query against the warehouse on a read-only connection. search('…') in"
          + " FROM is a table of full-text hits over the narratives that joins with the tables.",
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

  @Parameters(paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Override
  public Integer call() throws SQLException {
    Warehouse warehouse = data.requireWarehouse();
    try (Connection conn = warehouse.openReadOnly()) {
      String sql = SearchSql.prepare(conn, data.indexDir(), query);
      QueryResult result = Warehouse.query(conn, sql);
      spec.commandLine().getOut().print(format.format(result));
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }
}
