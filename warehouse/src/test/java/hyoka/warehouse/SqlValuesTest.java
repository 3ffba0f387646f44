package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SqlValuesTest {
  /** DuckDB's own cast to VARCHAR is the oracle: every byte value, and the empty BLOB. */
  @Test
  void aBlobIsTheTextDuckDbPrintsForIt() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "WITH b AS (SELECT unhex(string_agg(printf('%02X', i), '' ORDER BY i)) AS v"
                    + " FROM range(256) t(i) UNION ALL SELECT ''::BLOB UNION ALL SELECT"
                    + " 'abc'::BLOB) SELECT v, v::VARCHAR, octet_length(v) FROM b ORDER BY 3")) {
      int rows = 0;
      while (rs.next()) {
        Object value = SqlValues.javaValue(rs.getObject(1));
        assertThat(value).isInstanceOf(String.class).isEqualTo(rs.getString(2));
        assertThat(SqlValues.json(value)).isEqualTo(rs.getString(2));
        rows++;
      }
      assertThat(rows).isEqualTo(3);
    }
    assertThat(blob("'a\\x00'")).isEqualTo("a\\x00");
  }

  private static Object blob(String literal) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + literal + "::BLOB")) {
      rs.next();
      return SqlValues.javaValue(rs.getObject(1));
    }
  }
}
