package hyoka.web;

import hyoka.search.FacetCount;
import hyoka.search.KpiScore;
import hyoka.search.SearchFilters;
import hyoka.search.SearchHit;
import hyoka.search.SearchRequest;
import hyoka.search.SearchResponse;
import hyoka.search.Searcher;
import hyoka.transform.Eras;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import io.javalin.http.NotFoundResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the JSON API answers, page by page (docs/web.md lists every endpoint). Each method reads one
 * snapshot: the warehouse and the index commit of the same run.
 */
final class Api {
  static final int MAX_PAGE_SIZE = 100;

  /** Every page highlights the hits before it too: the pages reach this far. */
  static final int MAX_HITS = 10_000;

  private Api() {}

  /** The query parameters of /api/search (and of the search page's URL). */
  record SearchParams(
      String q,
      Integer year,
      String series,
      String project,
      String department,
      String group,
      String kind,
      Double minScore,
      Double maxScore,
      String grade,
      boolean allReports,
      int page,
      int size) {
    SearchParams {
      if (page < 1) {
        throw new HyokaException(ErrorCode.BAD_ARGUMENT, "page must be 1 or more, not " + page);
      }
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new HyokaException(
            ErrorCode.BAD_ARGUMENT, "size must be 1-" + MAX_PAGE_SIZE + ", not " + size);
      }
      if ((long) page * size > MAX_HITS) {
        throw new HyokaException(
            ErrorCode.BAD_ARGUMENT,
            "the pages stop at hit " + MAX_HITS + ": narrow the search, or use search() in SQL");
      }
    }

    static SearchParams from(Function<String, String> param) {
      return new SearchParams(
          blankToNull(param.apply("q")),
          fiscalYear(param.apply("year")),
          blankToNull(param.apply("series")),
          blankToNull(param.apply("project")),
          blankToNull(param.apply("department")),
          blankToNull(param.apply("group")),
          blankToNull(param.apply("kind")),
          decimal(param, "min_score"),
          decimal(param, "max_score"),
          blankToNull(param.apply("grade")),
          "true".equalsIgnoreCase(String.valueOf(param.apply("all_reports"))),
          orDefault(integer(param, "page"), 1),
          orDefault(integer(param, "size"), SearchRequest.DEFAULT_LIMIT));
    }
  }

  static Map<String, Object> search(Snapshot s, SearchParams p) {
    if (p.q() == null) {
      throw new HyokaException(ErrorCode.BAD_QUERY, "type something to search for");
    }
    SearchFilters filters =
        new SearchFilters(
            p.year(),
            p.series(),
            p.project(),
            p.department(),
            p.group(),
            p.kind(),
            p.minScore(),
            p.maxScore(),
            p.grade());
    SearchResponse r =
        s.searcher().search(new SearchRequest(p.q(), filters, p.page() * p.size(), p.allReports()));
    List<Map<String, Object>> hits = new ArrayList<>();
    List<SearchHit> all = r.hits();
    int from = Math.min(all.size(), (p.page() - 1) * p.size());
    for (int i = from; i < all.size(); i++) {
      hits.add(hit(all.get(i), i + 1));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", p.q());
    out.put("total", r.total());
    out.put("page", p.page());
    out.put("size", p.size());
    out.put("pages", (r.total() + p.size() - 1) / p.size());
    out.put("field", r.field());
    out.put("hits", hits);
    Map<String, Object> facets = new LinkedHashMap<>();
    for (Map.Entry<String, List<FacetCount>> e : r.facets().entrySet()) {
      List<Map<String, Object>> counts = new ArrayList<>();
      for (FacetCount f : e.getValue()) {
        counts.add(map("value", f.value(), "count", f.count()));
      }
      facets.put(e.getKey(), counts);
    }
    out.put("facets", facets);
    return out;
  }

  private static Map<String, Object> hit(SearchHit h, int rank) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", rank);
    m.put("report_id", h.reportId());
    m.put("fiscal_year", h.fiscalYear());
    m.put("series", h.series());
    m.put("project_no", h.projectNo());
    m.put("project_key", h.projectKey());
    m.put("project_name", h.projectName());
    m.put("group_no", h.groupNo());
    m.put("group_name", h.groupName());
    m.put("department", h.department());
    m.put("section", h.section());
    m.put("kind", h.kind());
    m.put("item_no", h.itemNo());
    m.put("item_name", h.itemName());
    m.put("page", h.page());
    m.put("relevance", Math.round(h.relevance() * 10000) / 10000.0);
    m.put("snippet", h.snippet());
    m.put("mark", firstMark(h.snippet()));
    m.put("superseded_by", h.supersededBy());
    List<Map<String, Object>> kpis = new ArrayList<>();
    for (KpiScore k : h.kpis()) {
      Map<String, Object> km = new LinkedHashMap<>();
      km.put("kpi_no", k.kpiNo());
      km.put("name", k.name());
      km.put("unit", k.unit());
      km.put("score", k.score());
      km.put("raw_score", k.rawScore());
      km.put("score_computed", k.scoreComputed());
      km.put("raw_score_computed", k.rawScoreComputed());
      km.put("score_status", k.scoreStatus());
      km.put("effective_score", k.effectiveScore());
      km.put("achieved", k.achieved());
      // Where the layout grades (kpi-sheet): printed 達成率 and grade, the grade by the legend.
      km.put("achievement", k.achievement());
      km.put("grade", k.grade());
      km.put("grade_by_rule", k.gradeByRule());
      km.put("effective_grade", k.effectiveGrade());
      km.put("progress", k.progress());
      kpis.add(km);
    }
    m.put("kpis", kpis);
    return m;
  }

  /** The first highlighted match of a snippet: what the page view looks for on the page. */
  static String firstMark(String snippet) {
    int a = snippet.indexOf('«');
    int b = a < 0 ? -1 : snippet.indexOf('»', a);
    return b > a + 1 ? snippet.substring(a + 1, b) : null;
  }

  /**
   * The filter choices of the search page: what the warehouse holds, so computed once per published
   * run (the snapshot), not on every request.
   */
  static Map<String, Object> options(Snapshot s) {
    return s.once("options", () -> readOptions(s));
  }

  private static Map<String, Object> readOptions(Snapshot s) {
    try (Connection c = s.connect()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(
          "series",
          column(Rows.query(c, "SELECT DISTINCT series FROM reports ORDER BY 1"), "series"));
      out.put(
          "years",
          column(
              Rows.query(c, "SELECT DISTINCT fiscal_year FROM reports ORDER BY 1 DESC"),
              "fiscal_year"));
      out.put(
          "departments",
          column(
              Rows.query(
                  c,
                  "SELECT DISTINCT department FROM current_projects WHERE department IS NOT NULL"
                      + " ORDER BY 1"),
              "department"));
      out.put(
          "groups",
          Rows.query(
              c,
              "SELECT DISTINCT group_no, group_name FROM current_projects"
                  + " WHERE group_no IS NOT NULL ORDER BY 1, 2"));
      out.put("kinds", new java.util.TreeSet<>(Searcher.KINDS));
      // The grades the current reports give (printed, else by rule): what the grade filter and
      // facet hold. None where no layout that grades is ingested.
      out.put(
          "grades",
          column(
              Rows.query(
                  c,
                  "SELECT DISTINCT coalesce(grade, grade_by_rule) AS grade FROM current_kpis"
                      + " WHERE coalesce(grade, grade_by_rule) IS NOT NULL ORDER BY 1"),
              "grade"));
      return java.util.Collections.unmodifiableMap(out);
    } catch (SQLException e) {
      throw closeError(e);
    }
  }

  /** The series' projects (current reports), for the project list. */
  static Map<String, Object> projects(Snapshot s, String series) {
    try (Connection c = s.connect()) {
      return map(
          "series",
          series,
          "projects",
          Rows.query(
              c,
              "SELECT series, project_key, arg_max(name, report_fiscal_year) AS name,"
                  + " arg_max(project_no, report_fiscal_year) AS project_no,"
                  + " arg_max(department, report_fiscal_year) AS department,"
                  + " list_sort(list(DISTINCT report_fiscal_year)) AS years"
                  + " FROM current_projects WHERE (? IS NULL OR series = ?)"
                  + " GROUP BY series, project_key ORDER BY series, project_no, project_key",
              series,
              series));
    } catch (SQLException e) {
      throw closeError(e);
    }
  }

  /**
   * One project of a series across its reports: its KPIs' yearly values against the target (the
   * chart's points, from kpi_series_values, each with the report and page it is printed on), the
   * scores by year, texts by year and kind, budget items and conflicts.
   */
  static Map<String, Object> project(Snapshot s, String series, String key) {
    try (Connection c = s.connect()) {
      List<Map<String, Object>> years =
          Rows.query(
              c,
              "SELECT p.report_fiscal_year AS fiscal_year, p.report_id, p.layout, p.project_no,"
                  + " p.name, p.department, p.section, p.group_no, p.group_name, p.description,"
                  + " p.page FROM current_projects p WHERE p.series = ? AND p.project_key = ?"
                  + " ORDER BY 1, p.layout, p.report_id",
              series,
              key);
      if (years.isEmpty()) {
        throw new NotFoundResponse(
            "no project '" + key + "' in the current reports of series '" + series + "'");
      }
      List<Map<String, Object>> scores =
          Rows.query(
              c,
              "SELECT k.report_fiscal_year AS fiscal_year, k.report_id, k.layout, k.kpi_no,"
                  + " k.kpi_key, k.name, k.unit, k.score, k.score_printed, k.raw_score,"
                  + " k.score_computed, k.raw_score_computed, k.score_status, k.score_note, k.page,"
                  + gradeColumns("k.")
                  + " FROM current_kpis k WHERE k.series = ? AND k.project_key = ?"
                  + " ORDER BY k.report_fiscal_year, k.layout, k.report_id, k.kpi_no",
              series,
              key);
      List<Map<String, Object>> points =
          Rows.query(
              c,
              "SELECT v.kpi_key, v.kpi_name, v.kpi_unit, v.fiscal_year, v.kind, v.value,"
                  + " v.printed, v.null_reason, v.unit, "
                  + Rows.columnOrNull(c, "v", "kpi_series_values", "qualifier")
                  + ", v.report_id, v.report_fiscal_year,"
                  + " v.reports, v.disagree, k.page"
                  + " FROM kpi_series_values v"
                  + " LEFT JOIN kpis k ON k.report_id = v.report_id AND k.kpi_key = v.kpi_key"
                  + " WHERE v.series = ? AND v.project_key = ?"
                  + " ORDER BY v.kpi_key, v.fiscal_year, v.kind",
              series,
              key);
      Map<String, Map<String, Object>> kpis = new LinkedHashMap<>();
      // KPIs in printed order of the newest report that has them, then the rest.
      for (int i = scores.size() - 1; i >= 0; i--) {
        Map<String, Object> sc = scores.get(i);
        kpis.computeIfAbsent(
            (String) sc.get("kpi_key"),
            k -> kpiEntry(k, (String) sc.get("name"), (String) sc.get("unit"), sc.get("kpi_no")));
      }
      for (Map<String, Object> pt : points) {
        Map<String, Object> kpi =
            kpis.computeIfAbsent(
                (String) pt.get("kpi_key"),
                k -> kpiEntry(k, (String) pt.get("kpi_name"), (String) pt.get("kpi_unit"), null));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) kpi.get("points");
        Map<String, Object> point = new LinkedHashMap<>(pt);
        point.remove("kpi_key");
        point.remove("kpi_name");
        point.remove("kpi_unit");
        list.add(point);
      }
      List<Map<String, Object>> ordered = new ArrayList<>(kpis.values());
      ordered.sort(
          (a, b) ->
              Integer.compare(
                  a.get("kpi_no") == null ? Integer.MAX_VALUE : (Integer) a.get("kpi_no"),
                  b.get("kpi_no") == null ? Integer.MAX_VALUE : (Integer) b.get("kpi_no")));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("series", series);
      out.put("project_key", key);
      out.put("name", years.get(years.size() - 1).get("name"));
      out.put("has_grade", scores.stream().anyMatch(Api::graded));
      out.put("years", years);
      out.put("kpis", ordered);
      out.put("scores", scores);
      out.put(
          "texts",
          Rows.query(
              c,
              // A KPI's 設定根拠 is a column of kpis, not a narrative; search indexes it as kind
              // target_basis, and so it is listed here, as a text of the KPI (item_no = kpi_no).
              "SELECT * FROM (SELECT r.fiscal_year, n.report_id, r.layout, n.kind, n.item_no,"
                  + " NULL AS kpi_name, n.text, n.page"
                  + " FROM current_narratives n JOIN reports r USING (report_id)"
                  + " JOIN projects p USING (report_id, project_no)"
                  + " WHERE r.series = ? AND p.project_key = ?"
                  + " UNION ALL SELECT k.report_fiscal_year, k.report_id, k.layout,"
                  + " 'target_basis', k.kpi_no, k.name, k.target_basis, k.page FROM current_kpis k"
                  + " WHERE k.series = ? AND k.project_key = ? AND k.target_basis IS NOT NULL)"
                  + " ORDER BY fiscal_year DESC, layout, report_id, item_no NULLS FIRST, kind",
              series,
              key,
              series,
              key));
      out.put(
          "budget_items",
          Rows.query(
              c,
              "SELECT r.fiscal_year, b.report_id, b.item_no, b.name, b.overview, b.purpose,"
                  + " b.implementation, b.page, b.note"
                  + " FROM current_budget_items b JOIN reports r USING (report_id)"
                  + " JOIN projects p USING (report_id, project_no)"
                  + " WHERE r.series = ? AND p.project_key = ?"
                  + " ORDER BY r.fiscal_year DESC, b.item_no",
              series,
              key));
      // kpi_conflicts is computed over every series; a project none of whose values disagree
      // (kpi_series_values.disagree, the same comparison) has none, and is spared the query.
      boolean disagree = points.stream().anyMatch(pt -> Boolean.TRUE.equals(pt.get("disagree")));
      out.put(
          "conflicts",
          !disagree
              ? List.of()
              : Rows.query(
                  c,
                  "SELECT kpi_key, kpi_name, fiscal_year, kind, older_report_id,"
                      + " older_report_fiscal_year, older_printed, newer_report_id,"
                      + " newer_report_fiscal_year, newer_printed FROM kpi_conflicts"
                      + " WHERE series = ? AND starts_with(kpi_key, ? || '|')"
                      + " ORDER BY kpi_key, fiscal_year, kind",
                  series,
                  key));
      return out;
    } catch (SQLException e) {
      throw closeError(e);
    }
  }

  /**
   * The grade columns of a kpis row the project and report pages show (docs/schema.md): NULL in
   * every one where the layout prints no grade.
   */
  private static final List<String> GRADE_COLUMNS =
      List.of(
          "achievement",
          "achievement_printed",
          "achievement_null_reason",
          "grade",
          "grade_printed",
          "grade_by_rule",
          "grade_status",
          "grade_note",
          "grade_page");

  /** {@link #GRADE_COLUMNS} as a select list, each qualified with {@code alias}. */
  private static String gradeColumns(String alias) {
    StringBuilder b = new StringBuilder();
    for (String col : GRADE_COLUMNS) {
      b.append(b.length() == 0 ? " " : ", ").append(alias).append(col);
    }
    return b.toString();
  }

  /** Whether a kpis row is of a layout that grades: its grade was compared with the legend's. */
  private static boolean graded(Map<String, Object> kpi) {
    return kpi.get("grade_status") != null;
  }

  private static Map<String, Object> kpiEntry(String key, String name, String unit, Object no) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kpi_key", key);
    m.put("kpi_no", no);
    m.put("name", name);
    m.put("unit", unit);
    m.put("points", new ArrayList<Map<String, Object>>());
    return m;
  }

  /** Every report held, newest first. */
  static Map<String, Object> reports(Snapshot s) {
    try (Connection c = s.connect()) {
      return map(
          "reports",
          Rows.query(
              c,
              "SELECT report_id, series, fiscal_year, layout, source_file, title, page_count,"
                  + " project_count, kpi_count, score_mismatches, grade_mismatches,"
                  + " unknown_residue, ingested_at, run_id, superseded_by FROM reports"
                  + " ORDER BY series, fiscal_year DESC, layout, ingested_at DESC"));
    } catch (SQLException e) {
      throw closeError(e);
    }
  }

  /**
   * A report's head: its reports row alone, what the page view shows above a page (its title, page
   * count and file), without the projects, KPIs and lines of {@link #report}.
   */
  static Map<String, Object> reportHead(Snapshot s, String reportId) {
    try (Connection c = s.connect()) {
      return head(c, reportId);
    } catch (SQLException e) {
      throw closeError(e);
    }
  }

  private static Map<String, Object> head(Connection c, String reportId) {
    List<Map<String, Object>> report =
        Rows.query(
            c,
            "SELECT report_id, series, fiscal_year, layout, source_file, sha256, title,"
                + " page_count, project_count, kpi_count, score_mismatches, grade_mismatches,"
                + " grade_legend, grade_legend_page, unknown_residue, ingested_at, run_id,"
                + " superseded_by FROM reports WHERE report_id = ?",
            reportId);
    if (report.isEmpty()) {
      throw new NotFoundResponse("no report " + reportId + " in the warehouse");
    }
    return report.get(0);
  }

  /** One report: its projects with their KPI scores, its score mismatches and unknown lines. */
  static Map<String, Object> report(Snapshot s, String reportId) {
    try (Connection c = s.connect()) {
      Map<String, Object> head = head(c, reportId);
      List<Map<String, Object>> projects =
          Rows.query(
              c,
              "SELECT project_no, project_key, group_no, group_name, name, department, section,"
                  + " page FROM projects WHERE report_id = ? ORDER BY project_no",
              reportId);
      List<Map<String, Object>> kpis =
          Rows.query(
              c,
              "SELECT project_no, kpi_no, kpi_key, name, unit, actual_printed, target_printed,"
                  + " score, score_printed, raw_score, score_computed, raw_score_computed,"
                  + " score_status, score_note, page,"
                  + gradeColumns("")
                  + " FROM kpis WHERE report_id = ? ORDER BY project_no, kpi_no",
              reportId);
      Map<Object, List<Map<String, Object>>> byProject = new LinkedHashMap<>();
      List<Map<String, Object>> mismatches = new ArrayList<>();
      List<Map<String, Object>> gradeMismatches = new ArrayList<>();
      for (Map<String, Object> k : kpis) {
        byProject.computeIfAbsent(k.get("project_no"), n -> new ArrayList<>()).add(k);
        if ("mismatch".equals(k.get("score_status"))) {
          mismatches.add(k);
        }
        if ("mismatch".equals(k.get("grade_status"))) {
          gradeMismatches.add(k);
        }
      }
      for (Map<String, Object> p : projects) {
        p.put("kpis", byProject.getOrDefault(p.get("project_no"), List.of()));
      }
      Map<String, Object> out = new LinkedHashMap<>(head);
      out.put("has_grade", kpis.stream().anyMatch(Api::graded));
      out.put("projects", projects);
      out.put("mismatches", mismatches);
      out.put("grade_mismatch_kpis", gradeMismatches);
      out.put(
          "unknown_lines",
          Rows.query(
              c,
              "SELECT page, line_no, text FROM residue WHERE report_id = ? AND class = 'unknown'"
                  + " ORDER BY page, line_no",
              reportId));
      return out;
    } catch (SQLException e) {
      throw closeError(e);
    }
  }

  static Map<String, Object> status(Snapshot s, ServeOptions options) {
    try (Connection c = s.connect()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("data_dir", options.dataDir().toString());
      out.put("run", s.runId());
      out.putAll(
          Rows.query(
                  c,
                  "SELECT count(*) AS reports,"
                      + " count(*) FILTER (WHERE superseded_by IS NULL) AS current_reports"
                      + " FROM reports")
              .get(0));
      out.put("sql_max_rows", options.sqlMaxRows());
      out.put("sql_timeout_seconds", options.sqlTimeoutSeconds());
      out.put("sql_memory_limit", String.valueOf(options.sqlMemoryLimit()));
      return out;
    } catch (SQLException e) {
      throw closeError(e);
    }
  }

  private static List<Object> column(List<Map<String, Object>> rows, String name) {
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      out.add(r.get(name));
    }
    return out;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static HyokaException closeError(SQLException e) {
    return new HyokaException(ErrorCode.WAREHOUSE_ERROR, "cannot close a connection: " + e, e);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static int orDefault(Integer v, int d) {
    return v == null ? d : v;
  }

  /** The year filter, typed as {@code hyoka search --year} takes it ({@link Eras#fiscalYear}). */
  private static Integer fiscalYear(String typed) {
    String v = blankToNull(typed);
    if (v == null) {
      return null;
    }
    try {
      return Eras.fiscalYear(v);
    } catch (IllegalArgumentException e) {
      throw new HyokaException(ErrorCode.BAD_ARGUMENT, "year " + e.getMessage());
    }
  }

  static Integer integer(Function<String, String> param, String name) {
    String v = blankToNull(param.apply(name));
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT, name + " must be a whole number such as 2019, not '" + v + "'");
    }
  }

  private static Double decimal(Function<String, String> param, String name) {
    String v = blankToNull(param.apply(name));
    if (v == null) {
      return null;
    }
    try {
      return Double.valueOf(v.toLowerCase(Locale.ROOT));
    } catch (NumberFormatException e) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT, name + " must be a number such as 100 or -5, not '" + v + "'");
    }
  }
}
