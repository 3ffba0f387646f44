package hyoka.search;

import hyoka.transform.BudgetItem;
import hyoka.transform.IngestedReport;
import hyoka.transform.Kpi;
import hyoka.transform.Narrative;
import hyoka.transform.PrintedValue;
import hyoka.transform.Project;
import hyoka.transform.Texts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * A DuckDB file with the warehouse tables of the contract the search index reads (reports,
 * projects, kpis, narratives, budget_items, runs), filled from domain records. It stands in for the
 * warehouse module so search tests control exactly which reports are current.
 */
final class TestWarehouse {
  private TestWarehouse() {}

  static Connection create(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE runs(run_id BIGINT PRIMARY KEY, started_at TIMESTAMP)");
      s.execute(
          "CREATE TABLE reports(report_id VARCHAR PRIMARY KEY, source_file VARCHAR, sha256 VARCHAR,"
              + " series VARCHAR, fiscal_year INTEGER, page_count INTEGER, ingested_at TIMESTAMP,"
              + " run_id BIGINT, superseded_by VARCHAR)");
      s.execute(
          "CREATE TABLE projects(report_id VARCHAR, project_no INTEGER, group_no INTEGER,"
              + " group_name VARCHAR, name VARCHAR, department VARCHAR, section VARCHAR,"
              + " description VARCHAR, page INTEGER, project_key VARCHAR)");
      s.execute(
          "CREATE TABLE kpis(report_id VARCHAR, project_no INTEGER, kpi_no INTEGER, name VARCHAR,"
              + " unit VARCHAR, baseline_year INTEGER, baseline DECIMAL(18,4), target_year INTEGER,"
              + " target DECIMAL(18,4), actual DECIMAL(18,4), raw_score DECIMAL(10,2),"
              + " score DECIMAL(10,2), raw_score_computed DECIMAL(10,2),"
              + " score_computed DECIMAL(10,2), score_status VARCHAR, target_note VARCHAR,"
              + " target_basis VARCHAR, kpi_key VARCHAR, page INTEGER)");
      s.execute(
          "CREATE TABLE narratives(report_id VARCHAR, project_no INTEGER, item_no INTEGER,"
              + " kind VARCHAR, text VARCHAR, page INTEGER)");
      s.execute(
          "CREATE TABLE budget_items(report_id VARCHAR, project_no INTEGER, item_no INTEGER,"
              + " name VARCHAR, overview VARCHAR, purpose VARCHAR, implementation VARCHAR,"
              + " page INTEGER)");
    }
    return c;
  }

  static void insert(Connection c, IngestedReport r, long runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO runs VALUES (?, now()) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, runId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
      ps.setString(1, r.reportId());
      ps.setString(2, r.sourceFile());
      ps.setString(3, r.sha256());
      ps.setString(4, r.series());
      ps.setInt(5, r.report().fiscalYear());
      ps.setInt(6, r.report().pageCount());
      ps.setTimestamp(7, Timestamp.from(r.ingestedAt()));
      ps.setLong(8, runId);
      ps.executeUpdate();
    }
    for (Project p : r.report().projects()) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO projects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, r.reportId());
        ps.setInt(2, p.projectNo());
        ps.setObject(3, p.groupNo());
        ps.setString(4, p.groupName());
        ps.setString(5, p.name());
        ps.setString(6, p.department());
        ps.setString(7, p.section());
        ps.setString(8, p.description());
        ps.setInt(9, p.page());
        ps.setString(10, r.series() + "/" + Texts.fold(p.name()));
        ps.executeUpdate();
      }
      for (Kpi k : p.kpis()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO kpis VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, r.reportId());
          ps.setInt(2, p.projectNo());
          ps.setInt(3, k.kpiNo());
          ps.setString(4, k.name());
          ps.setString(5, k.unit());
          ps.setObject(6, k.baselineYear());
          ps.setBigDecimal(7, k.baseline().value());
          ps.setObject(8, k.targetYear());
          ps.setBigDecimal(9, k.target().value());
          ps.setBigDecimal(10, k.actual().value());
          ps.setBigDecimal(11, k.rawScore().value());
          ps.setBigDecimal(12, k.score().value());
          ps.setBigDecimal(13, k.rawScoreComputed());
          ps.setBigDecimal(14, k.scoreComputed());
          ps.setString(15, k.scoreStatus().label());
          ps.setString(16, k.targetNote());
          ps.setString(17, k.targetBasis());
          ps.setString(18, Texts.fold(k.name()));
          ps.setInt(19, k.page());
          ps.executeUpdate();
        }
      }
      for (BudgetItem b : p.budgetItems()) {
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO budget_items VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, r.reportId());
          ps.setInt(2, p.projectNo());
          ps.setInt(3, b.itemNo());
          ps.setString(4, b.name());
          ps.setString(5, b.overview());
          ps.setString(6, b.purpose());
          ps.setString(7, b.implementation());
          ps.setInt(8, b.page());
          ps.executeUpdate();
        }
      }
      for (Narrative n : p.narratives()) {
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO narratives VALUES (?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, r.reportId());
          ps.setInt(2, p.projectNo());
          ps.setObject(3, n.itemNo());
          ps.setString(4, n.kind().label());
          ps.setString(5, n.text());
          ps.setInt(6, n.page());
          ps.executeUpdate();
        }
      }
    }
  }

  static void supersede(Connection c, String reportId, String by) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE reports SET superseded_by = ? WHERE report_id = ?")) {
      ps.setString(1, by);
      ps.setString(2, reportId);
      ps.executeUpdate();
    }
  }

  static void delete(Connection c, String reportId) throws SQLException {
    for (String t : new String[] {"projects", "kpis", "narratives", "budget_items", "reports"}) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE report_id = ?")) {
        ps.setString(1, reportId);
        ps.executeUpdate();
      }
    }
  }

  static PrintedValue num(String printed) {
    String f = Texts.fold(printed).replace(",", "");
    String digits = f.replaceAll("[^0-9.\\-]", "");
    if (digits.isEmpty()) {
      return PrintedValue.missing(printed, null, "dash");
    }
    return PrintedValue.of(printed, new BigDecimal(digits), f.replaceAll("[0-9.\\-]", ""));
  }
}
