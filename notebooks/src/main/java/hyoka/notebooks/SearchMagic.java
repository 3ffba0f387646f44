package hyoka.notebooks;

import hyoka.search.FacetCount;
import hyoka.search.KpiScore;
import hyoka.search.SearchFilters;
import hyoka.search.SearchHit;
import hyoka.search.SearchRequest;
import hyoka.search.SearchResponse;
import hyoka.search.SearchSnapshot;
import hyoka.transform.HyokaException;
import hyoka.warehouse.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code %search [options] QUERY…}: full-text search of the narratives with the options of {@code
 * hyoka search} ({@code --limit --year --series --project --department --group --kind --min-score
 * --max-score --grade --all-reports}). The hits become a table (and the cell's result for {@code
 * %chart}); the facet counts follow it.
 */
final class SearchMagic {
  static final String USAGE =
      "%search [--limit N] [--year YEAR] [--series NAME] [--project NO|KEY] [--department DEPT]"
          + " [--group GROUP] [--kind KIND] [--min-score S] [--max-score S] [--grade G[,G…]]"
          + " [--all-reports] QUERY...";

  private static final List<String> COLUMNS =
      List.of(
          "rank",
          "fiscal_year",
          "project_no",
          "project_name",
          "department",
          "kind",
          "item_name",
          "page",
          "kpi_scores",
          "snippet");
  private static final List<Boolean> NUMERIC =
      List.of(true, true, true, false, false, false, false, true, false, false);

  private SearchMagic() {}

  /** What a search cell shows: the hits as a table, and the facets under it. */
  record Result(ResultTable hits, String facetsText, long total) {}

  static SearchRequest parse(String args) {
    List<String> words = MagicArgs.split(args);
    SearchFilters f = SearchFilters.NONE;
    int limit = SearchRequest.DEFAULT_LIMIT;
    boolean all = false;
    List<String> query = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (!w.startsWith("--")) {
        query.add(w);
        continue;
      }
      if (w.equals("--all-reports")) {
        all = true;
        continue;
      }
      if (i + 1 >= words.size()) {
        throw new UsageError("%search: " + w + " needs a value. Usage: " + USAGE);
      }
      String v = words.get(++i);
      switch (w) {
        case "--limit" -> limit = integer(w, v);
        case "--year" -> f = f.withFiscalYear(integer(w, v));
        case "--series" -> f = f.withSeries(v);
        case "--project" -> f = f.withProject(v);
        case "--department" -> f = f.withDepartment(v);
        case "--group" -> f = f.withGroup(v);
        case "--kind" -> f = f.withKind(v);
        case "--min-score" -> f = f.withScoreRange(decimal(w, v), f.maxScore());
        case "--max-score" -> f = f.withScoreRange(f.minScore(), decimal(w, v));
        case "--grade" -> f = grade(f, v);
        default -> throw new UsageError("%search: unknown option " + w + ". Usage: " + USAGE);
      }
    }
    if (query.isEmpty()) {
      throw new UsageError("%search: no query words. Usage: " + USAGE);
    }
    try {
      return new SearchRequest(String.join(" ", query), f, limit, all);
    } catch (HyokaException e) {
      throw new UsageError("%search: " + e.getMessage(), e);
    }
  }

  static Result run(Path dataDir, SearchRequest request) {
    Path indexDir = dataDir.resolve("index");
    Warehouse warehouse = new Warehouse(dataDir);
    if (!Files.isDirectory(indexDir) || !warehouse.exists()) {
      throw new UsageError("no search index in " + indexDir + ": run hyoka ingest first");
    }
    SearchResponse r;
    // the index commit of the warehouse run the session's SQL reads now
    try (SearchSnapshot snapshot = SearchSnapshot.open(warehouse::openReadOnly, indexDir)) {
      r = snapshot.search(request);
    } catch (HyokaException e) {
      throw new UsageError("%search: " + e.getMessage(), e);
    }
    List<List<Object>> rows = new ArrayList<>();
    int rank = 0;
    for (SearchHit h : r.hits()) {
      List<Object> row = new ArrayList<>();
      row.add(++rank);
      row.add(h.fiscalYear());
      row.add(h.projectNo());
      row.add(h.projectName());
      row.add(h.department());
      row.add(h.kind());
      row.add(h.itemName());
      row.add(h.page());
      row.add(scores(h.kpis()));
      row.add(h.snippet());
      rows.add(row);
    }
    return new Result(new ResultTable(COLUMNS, NUMERIC, rows, false), facets(r), r.total());
  }

  /**
   * The project's KPIs as {@code name score}, the printed score else hyoka's, e.g. 交通事故件数 100; a
   * KPI its layout grades (kpi-sheet) as {@code name grade (achievement%)}, e.g. 交通事故件数 A (100%).
   */
  private static String scores(List<KpiScore> kpis) {
    List<String> parts = new ArrayList<>();
    for (KpiScore k : kpis) {
      BigDecimal s = k.effectiveScore();
      if (k.effectiveGrade() != null) {
        parts.add(
            k.name()
                + " "
                + k.effectiveGrade()
                + (k.achievement() == null
                    ? ""
                    : " (" + k.achievement().stripTrailingZeros().toPlainString() + "%)"));
      } else {
        parts.add(k.name() + " " + (s == null ? "—" : s.stripTrailingZeros().toPlainString()));
      }
    }
    return String.join("; ", parts);
  }

  private static SearchFilters grade(SearchFilters f, String v) {
    try {
      return f.withGrade(v);
    } catch (HyokaException e) {
      throw new UsageError("%search: " + e.getMessage(), e);
    }
  }

  private static String facets(SearchResponse r) {
    StringBuilder b = new StringBuilder();
    b.append(r.total()).append(r.total() == 1 ? " text matches" : " texts match");
    if ("text_bigram".equals(r.field())) {
      b.append(" (no word matched; character bigrams answered)");
    }
    for (Map.Entry<String, List<FacetCount>> e : r.facets().entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      b.append("\nby ").append(e.getKey()).append(": ");
      List<String> counts = new ArrayList<>();
      for (FacetCount c : e.getValue()) {
        counts.add(c.value() + " " + c.count());
      }
      b.append(String.join(", ", counts));
    }
    return b.toString();
  }

  private static int integer(String option, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageError("%search: " + option + " needs a whole number, got " + v);
    }
  }

  private static double decimal(String option, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageError(
          String.format(Locale.ROOT, "%%search: %s needs a number, got %s", option, v));
    }
  }
}
