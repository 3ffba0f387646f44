package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import hyoka.transform.Fixtures;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.SqlRefusal;
import hyoka.warehouse.Warehouse;
import hyoka.web.ServeOptions;
import hyoka.web.WebServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hyoka sql and hyoka serve over one warehouse (every sample ingested): a value comes out of both
 * as the same JSON, and a refused statement gets the same hint from both.
 */
class SqlSurfacesTest {
  @TempDir static Path tmp;
  static Path data;
  static WebServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    data = tmp.resolve("data");
    CliTest.Run ingest =
        CliTest.hyoka("ingest", "--data", data.toString(), Fixtures.samplesDir().toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    server = WebServer.start(ServeOptions.of(data).withPort(0));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** hyoka sql --format json's rows: each an object of column to its JSON text. */
  static List<Map<String, String>> cliRows(String sql) {
    CliTest.Run r = CliTest.hyoka("sql", "--data", data.toString(), "--format", "json", sql);
    assertThat(r.code()).as(sql + ": " + r.err()).isZero();
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(r.out()).getAsJsonArray()) {
      Map<String, String> row = new LinkedHashMap<>();
      // a parsed number keeps its text: 12 and 12.0 stay apart
      e.getAsJsonObject().entrySet().forEach(f -> row.put(f.getKey(), f.getValue().toString()));
      rows.add(row);
    }
    return rows;
  }

  /** The same rows from an object array of the web API. */
  static List<Map<String, String>> apiRows(JsonArray objects) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonElement e : objects) {
      Map<String, String> row = new LinkedHashMap<>();
      e.getAsJsonObject().entrySet().forEach(f -> row.put(f.getKey(), f.getValue().toString()));
      rows.add(row);
    }
    return rows;
  }

  /** The SQL page's rows (/api/sql: columns and rows of values) as column to JSON text. */
  static List<Map<String, String>> sqlPageRows(String sql) throws Exception {
    HttpResponse<String> a = get("/api/sql?q=" + enc(sql));
    assertThat(a.statusCode()).as(sql + ": " + a.body()).isEqualTo(200);
    JsonObject r = JsonParser.parseString(a.body()).getAsJsonObject();
    JsonArray columns = r.getAsJsonArray("columns");
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonElement e : r.getAsJsonArray("rows")) {
      Map<String, String> row = new LinkedHashMap<>();
      JsonArray values = e.getAsJsonArray();
      for (int i = 0; i < columns.size(); i++) {
        row.put(columns.get(i).getAsString(), values.get(i).toString());
      }
      rows.add(row);
    }
    return rows;
  }

  /** Both web answers of one query are hyoka sql's JSON, value for value. */
  static void sameInBoth(String sql) throws Exception {
    List<Map<String, String>> cli = cliRows(sql);
    assertThat(cli).as(sql).isNotEmpty();
    assertThat(sqlPageRows(sql)).as(sql).isEqualTo(cli);
    CliTest.Run r = CliTest.hyoka("sql", "--data", data.toString(), "--format", "json", sql);
    assertThat(get("/api/sql?format=json&q=" + enc(sql)).body()).as(sql).isEqualTo(r.out());
  }

  @Test
  void everyColumnOfTheWarehouseComesOutOfHyokaSqlAndTheSqlPageAlike() throws Exception {
    QueryResult columns =
        new Warehouse(data)
            .query(
                "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
                    + " JOIN information_schema.tables t USING (table_name)"
                    + " WHERE t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position");
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    List<String> types = new ArrayList<>();
    for (List<Object> row : columns.rows()) {
      String col = "\"" + row.get(1) + "\"";
      byTable
          .computeIfAbsent((String) row.get(0), t -> new ArrayList<>())
          .add(
              "min("
                  + col
                  + ") AS \"min "
                  + row.get(1)
                  + "\", max("
                  + col
                  + ") AS \"max "
                  + row.get(1)
                  + "\"");
      types.add((String) row.get(2));
    }
    // what the warehouse holds: a test of each type (if the schema grows one, it is here too)
    assertThat(types).contains("VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "TIMESTAMP");
    for (Map.Entry<String, List<String>> t : byTable.entrySet()) {
      sameInBoth("SELECT " + String.join(", ", t.getValue()) + " FROM \"" + t.getKey() + "\"");
    }
    sameInBoth(EVERY_KIND_OF_VALUE);
  }

  /**
   * What SQL over the warehouse makes of its values: lists, decimals, dates, structs, booleans, the
   * doubles whose text differs most easily between two writers, NULL, text with quotes and a line
   * break (also {@link SqlStreamingTest}'s).
   */
  static final String EVERY_KIND_OF_VALUE =
      "SELECT list_sort(list(DISTINCT report_fiscal_year)) AS years,"
          + " list_sort(list(DISTINCT series)) AS series,"
          + " [[1, 2], [3]] AS nested, round(avg(score), 3) AS avg_score,"
          + " 12.0::DOUBLE AS whole_double, 1e-7::DOUBLE AS small, 1e22::DOUBLE AS large,"
          + " -0.0::DOUBLE AS minus_zero, 'NaN'::DOUBLE AS nan, 'inf'::FLOAT AS inf, 1.5::FLOAT AS f,"
          + " 1.50::DECIMAL(4, 2) AS dec, 170141183460469231731687303715884105727::HUGEINT AS huge,"
          + " DATE '2019-04-01' AS d, TIMESTAMP '2019-04-01 10:00:00' AS ts,"
          + " TIMESTAMP '2019-04-01 10:00:00.5' AS ts_frac, {'a': 1, 'b': '除雪'} AS st,"
          + " count(*) > 0 AS b, NULL AS n, '「除雪」\\n\"引用\"' AS s FROM current_kpis";

  @Test
  void thePagesOwnQueriesConvertAsHyokaSqlDoes() throws Exception {
    // the reports page: integers, text, the ingest timestamp, NULLs (Api.reports' query)
    JsonArray reports =
        JsonParser.parseString(get("/api/reports").body())
            .getAsJsonObject()
            .getAsJsonArray("reports");
    assertThat(apiRows(reports))
        .isEqualTo(
            cliRows(
                "SELECT report_id, series, fiscal_year, layout, source_file, title, page_count,"
                    + " project_count, kpi_count, score_mismatches, grade_mismatches,"
                    + " unknown_residue, ingested_at, run_id, superseded_by FROM reports"
                    + " ORDER BY series, fiscal_year DESC, layout, ingested_at DESC"));
    // the project list: a list of years per project (Api.projects' query)
    JsonArray projects =
        JsonParser.parseString(get("/api/projects").body())
            .getAsJsonObject()
            .getAsJsonArray("projects");
    assertThat(apiRows(projects))
        .hasSizeGreaterThan(10)
        .isEqualTo(
            cliRows(
                "SELECT series, project_key, arg_max(name, report_fiscal_year) AS name,"
                    + " arg_max(project_no, report_fiscal_year) AS project_no,"
                    + " arg_max(department, report_fiscal_year) AS department,"
                    + " list_sort(list(DISTINCT report_fiscal_year)) AS years"
                    + " FROM current_projects GROUP BY series, project_key"
                    + " ORDER BY series, project_no, project_key"));
  }

  @Test
  void aRefusedStatementGetsTheSameHintFromHyokaSqlAndTheSqlPage() throws Exception {
    Map<String, SqlRefusal> statements = new LinkedHashMap<>();
    statements.put("COPY kpis TO '" + tmp.resolve("out.csv") + "'", SqlRefusal.FILE_ACCESS);
    statements.put("SELECT * FROM read_csv('/etc/passwd')", SqlRefusal.FILE_ACCESS);
    statements.put("ATTACH '" + tmp.resolve("other.duckdb") + "'", SqlRefusal.FILE_ACCESS);
    statements.put("SET memory_limit = '1GB'", SqlRefusal.SETTINGS);
    statements.put("CREATE TABLE t AS SELECT 1", SqlRefusal.READ_ONLY);
    statements.put("DELETE FROM reports", SqlRefusal.READ_ONLY);
    for (Map.Entry<String, SqlRefusal> s : statements.entrySet()) {
      SqlRefusal refusal = s.getValue();
      CliTest.Run r = CliTest.hyoka("sql", "--data", data.toString(), s.getKey());
      assertThat(r.code()).as(s.getKey()).isEqualTo(ExitCodes.USAGE);
      String cli = r.err().strip();
      assertThat(cli).as(s.getKey()).startsWith("hyoka: ");
      cli = cli.substring("hyoka: ".length());
      HttpResponse<String> a = get("/api/sql?q=" + enc(s.getKey()));
      assertThat(a.statusCode()).as(s.getKey()).isEqualTo(400);
      String web = JsonParser.parseString(a.body()).getAsJsonObject().get("error").getAsString();

      String cliHint = "refused: " + refusal.hint(SqlRefusal.SQL_COMMAND) + ": ";
      String webHint = "refused: " + refusal.hint(SqlRefusal.SQL_PAGE) + ": ";
      assertThat(cli).as(s.getKey()).startsWith(cliHint);
      assertThat(web).as(s.getKey()).startsWith(webHint);
      // after the hint, DuckDB's own words, the same from both
      String duckdb = cli.substring(cliHint.length());
      assertThat(web.substring(webHint.length())).as(s.getKey()).isEqualTo(duckdb);
      assertThat(SqlRefusal.of(duckdb)).as(s.getKey()).contains(refusal);
      if (refusal != SqlRefusal.FILE_ACCESS) {
        // only the file hint names the surface (and, in hyoka sql, its --table)
        assertThat(web).as(s.getKey()).isEqualTo(cli);
      }
    }
  }
}
