package hyoka.search;

import hyoka.transform.DisplayWidth;
import hyoka.transform.JsonText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link SearchResponse} for {@code hyoka search}: {@code json} for programs (UTF-8,
 * Japanese unescaped, one object with total, hits and facets) and {@code table} for people (columns
 * aligned by display width, a full-width character counting two).
 */
public enum SearchFormat {
  TABLE,
  JSON;

  private static final int SNIPPET_WIDTH = 70;
  private static final int NAME_WIDTH = 24;

  public String format(SearchResponse r) {
    return switch (this) {
      case TABLE -> table(r);
      case JSON -> json(r);
    };
  }

  // ---------------------------------------------------------------- JSON

  private static String json(SearchResponse r) {
    StringBuilder b = new StringBuilder(4096);
    b.append("{\"total\":").append(r.total());
    b.append(",\"field\":");
    str(b, r.field());
    b.append(",\"hits\":[");
    for (int i = 0; i < r.hits().size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      hit(b, r.hits().get(i), i + 1);
    }
    b.append("],\"facets\":{");
    boolean first = true;
    for (Map.Entry<String, List<FacetCount>> e : r.facets().entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      str(b, e.getKey());
      b.append(":[");
      for (int i = 0; i < e.getValue().size(); i++) {
        FacetCount c = e.getValue().get(i);
        if (i > 0) {
          b.append(',');
        }
        b.append("{\"value\":");
        str(b, c.value());
        b.append(",\"count\":").append(c.count()).append('}');
      }
      b.append(']');
    }
    b.append("}}\n");
    return b.toString();
  }

  private static void hit(StringBuilder b, SearchHit h, int rank) {
    b.append("{\"rank\":").append(rank);
    b.append(",\"report_id\":");
    str(b, h.reportId());
    b.append(",\"fiscal_year\":").append(h.fiscalYear());
    b.append(",\"series\":");
    str(b, h.series());
    b.append(",\"project_no\":").append(h.projectNo());
    b.append(",\"project_name\":");
    str(b, h.projectName());
    b.append(",\"group_name\":");
    str(b, h.groupName());
    b.append(",\"department\":");
    str(b, h.department());
    b.append(",\"section\":");
    str(b, h.section());
    b.append(",\"kind\":");
    str(b, h.kind());
    b.append(",\"item_no\":").append(h.itemNo());
    b.append(",\"item_name\":");
    str(b, h.itemName());
    b.append(",\"page\":").append(h.page());
    b.append(",\"relevance\":").append(String.format(Locale.ROOT, "%.4f", h.relevance()));
    b.append(",\"snippet\":");
    str(b, h.snippet());
    b.append(",\"superseded_by\":");
    str(b, h.supersededBy());
    b.append(",\"kpis\":[");
    for (int i = 0; i < h.kpis().size(); i++) {
      KpiScore k = h.kpis().get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"kpi_no\":").append(k.kpiNo());
      b.append(",\"name\":");
      str(b, k.name());
      b.append(",\"unit\":");
      str(b, k.unit());
      b.append(",\"score\":").append(num(k.score()));
      b.append(",\"raw_score\":").append(num(k.rawScore()));
      b.append(",\"score_computed\":").append(num(k.scoreComputed()));
      b.append(",\"raw_score_computed\":").append(num(k.rawScoreComputed()));
      b.append(",\"score_status\":");
      str(b, k.scoreStatus());
      b.append(",\"achieved\":").append(k.achieved());
      b.append(",\"achievement\":").append(num(k.achievement()));
      b.append(",\"grade\":");
      str(b, k.grade());
      b.append(",\"grade_by_rule\":");
      str(b, k.gradeByRule());
      b.append(",\"progress\":");
      str(b, k.progress());
      b.append('}');
    }
    b.append("]}");
  }

  private static String num(BigDecimal d) {
    return d == null ? "null" : d.toPlainString();
  }

  static void str(StringBuilder b, String s) {
    JsonText.append(b, s);
  }

  // ---------------------------------------------------------------- table

  private static String table(SearchResponse r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "#",
          "year",
          "no",
          "project",
          "department",
          "kind",
          "page",
          "relevance",
          "kpi scores",
          "snippet"
        });
    for (int i = 0; i < r.hits().size(); i++) {
      SearchHit h = r.hits().get(i);
      rows.add(
          new String[] {
            Integer.toString(i + 1),
            Integer.toString(h.fiscalYear()),
            Integer.toString(h.projectNo()),
            clip(h.projectName(), NAME_WIDTH),
            h.department() == null ? "" : h.department(),
            h.kind(),
            Integer.toString(h.page()),
            String.format(Locale.ROOT, "%.2f", h.relevance()),
            h.kpis().stream().map(SearchFormat::kpiCell).collect(Collectors.joining(" ")),
            snippetCell(h.snippet(), SNIPPET_WIDTH)
          });
    }
    int cols = rows.get(0).length;
    int[] w = new int[cols];
    for (String[] row : rows) {
      for (int c = 0; c < cols; c++) {
        w[c] = Math.max(w[c], width(row[c]));
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < cols; c++) {
        b.append(row[c]);
        if (c < cols - 1) {
          b.append(" ".repeat(w[c] - width(row[c]) + 2));
        }
      }
      b.append('\n');
    }
    b.append(r.total()).append(r.total() == 1 ? " match" : " matches");
    if (r.hits().size() < r.total()) {
      b.append(", showing ").append(r.hits().size());
    }
    if (!r.field().equals(IndexFields.TEXT)) {
      b.append(" (no word match; character bigram fallback)");
    }
    b.append('\n');
    for (Map.Entry<String, List<FacetCount>> e : r.facets().entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      b.append(e.getKey()).append(": ");
      b.append(
          e.getValue().stream()
              .map(c -> c.value() + " " + c.count())
              .collect(Collectors.joining(", ")));
      b.append('\n');
    }
    return b.toString();
  }

  /**
   * A KPI as one cell: for a KPI its layout grades (kpi-sheet), the grade with the printed
   * achievement ({@code C(53.3%)}), what the document says of it (its score is only hyoka's
   * computation); else its effective score with ✓ when the target was reached.
   */
  static String kpiCell(KpiScore k) {
    BigDecimal s = k.effectiveScore();
    if (k.effectiveGrade() != null) {
      return k.effectiveGrade()
          + (k.achievement() == null ? "" : "(" + k.achievement().toPlainString() + "%)");
    }
    String v = s == null ? "―" : s.toPlainString();
    Boolean a = k.achieved();
    return v + (a == null ? "" : a ? "✓" : "");
  }

  /**
   * A snippet cut to {@code max} columns so that its first match stays visible: a passage whose
   * «match» lies past the column is cut before it too (a hit whose cell shows no match looks like a
   * false hit).
   */
  static String snippetCell(String s, int max) {
    if (s == null || width(s) <= max) {
      return s == null ? "" : s;
    }
    int open = s.indexOf('«');
    int close = open < 0 ? -1 : s.indexOf('»', open);
    if (close < 0 || width(s.substring(0, close + 1)) <= max - 1) {
      return clip(s, max);
    }
    // Keep about ten columns of what leads up to the match.
    int start = open;
    int lead = 0;
    while (start > 0 && lead < 10) {
      start = s.offsetByCodePoints(start, -1);
      lead += DisplayWidth.of(s.codePointAt(start));
    }
    return clip("…" + s.substring(start), max);
  }

  /** Cuts {@code s} to at most {@code max} display columns, marking the cut with …. */
  static String clip(String s, int max) {
    return DisplayWidth.clip(s, max);
  }

  static int width(String s) {
    return DisplayWidth.of(s);
  }
}
