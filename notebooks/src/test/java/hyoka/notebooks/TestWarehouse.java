package hyoka.notebooks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small DuckDB warehouse for kernel tests that need no ingest: one KPI of the H31 sample report
 * (交通事故件数) with the values it prints: baseline 213 (H26), actuals 162, 220, 244, 220, 173 for
 * H27–H31, target 180.
 */
final class TestWarehouse {
  private TestWarehouse() {}

  static Path create(Path dataDir) throws SQLException {
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("warehouse.duckdb"));
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE kpi_series AS SELECT * FROM (VALUES"
              + " ('交通事故件数', 2014, 'baseline', 213),"
              + " ('交通事故件数', 2015, 'actual', 162),"
              + " ('交通事故件数', 2016, 'actual', 220),"
              + " ('交通事故件数', 2017, 'actual', 244),"
              + " ('交通事故件数', 2018, 'actual', 220),"
              + " ('交通事故件数', 2019, 'actual', 173),"
              + " ('交通事故件数', 2019, 'target', 180))"
              + " t(kpi_name, fiscal_year, kind, value)");
    }
    return dataDir;
  }
}
