package hyoka.notebooks;

import hyoka.transform.DisplayWidth;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders a {@link ResultTable} for a notebook: an HTML table (what Jupyter shows) and a plain-text
 * table (the fallback for consoles, diffs and nbconvert to text). Both show at most {@code maxRows}
 * rows and say how many there are.
 */
final class TableRenderer {
  /** Display columns a text cell may take before it is cut with an ellipsis. */
  private static final int TEXT_CELL_WIDTH = 48;

  /** Characters an HTML cell may take; whole narratives are a few hundred, so this rarely cuts. */
  private static final int HTML_CELL_CHARS = 4000;

  private final int maxRows;

  TableRenderer(int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1: " + maxRows);
    }
    this.maxRows = maxRows;
  }

  /** The table as HTML; «…» (how search snippets mark matches) becomes highlighted. */
  String html(ResultTable t) {
    StringBuilder b = new StringBuilder(256 + t.rows().size() * 64);
    b.append("<table class=\"hyoka\">\n<thead><tr>");
    for (String c : t.columns()) {
      b.append("<th>").append(escape(c)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    int shown = Math.min(maxRows, t.rows().size());
    for (int r = 0; r < shown; r++) {
      b.append("<tr>");
      List<Object> row = t.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        if (v == null) {
          b.append("<td style=\"color:#999\">NULL</td>");
          continue;
        }
        String s = format(v);
        if (s.length() > HTML_CELL_CHARS) {
          s = s.substring(0, HTML_CELL_CHARS) + "…";
        }
        b.append(
            v instanceof Number
                ? "<td style=\"text-align:right\">"
                : "<td style=\"text-align:left\">");
        b.append(escape(s).replace("«", "<mark>").replace("»", "</mark>")).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n<p>").append(escape(footer(t))).append("</p>");
    return b.toString();
  }

  String text(ResultTable t) {
    int n = t.columns().size();
    int shown = Math.min(maxRows, t.rows().size());
    List<String[]> cells = new ArrayList<>(shown + 1);
    String[] header = t.columns().toArray(new String[0]);
    cells.add(header);
    for (int r = 0; r < shown; r++) {
      String[] line = new String[n];
      List<Object> row = t.rows().get(r);
      for (int c = 0; c < n; c++) {
        Object v = row.get(c);
        line[c] = cut(v == null ? "NULL" : format(v).replace('\n', ' '));
      }
      cells.add(line);
    }
    int[] width = new int[n];
    for (String[] line : cells) {
      for (int c = 0; c < n; c++) {
        width[c] = Math.max(width[c], displayWidth(line[c]));
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String[] line = cells.get(i);
      for (int c = 0; c < n; c++) {
        if (c > 0) {
          b.append(" | ");
        }
        boolean right = i > 0 && t.numeric().get(c);
        pad(b, line[c], width[c], right, c == n - 1);
      }
      b.append('\n');
      if (i == 0) {
        for (int c = 0; c < n; c++) {
          if (c > 0) {
            b.append("-+-");
          }
          b.append("-".repeat(width[c]));
        }
        b.append('\n');
      }
    }
    b.append(footer(t)).append('\n');
    return b.toString();
  }

  private String footer(ResultTable t) {
    int total = t.rows().size();
    String rows = total == 1 ? "1 row" : total + " rows";
    if (t.truncated()) {
      rows = "more than " + total + " rows (only the first " + total + " were read)";
    }
    return total > maxRows ? rows + ", first " + maxRows + " shown" : rows;
  }

  /** The text of one value: numbers without exponent or trailing zeros, SQL lists as [a, b]. */
  static String format(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Array a) {
      try {
        Object arr = a.getArray();
        return arr instanceof Object[] objs ? Arrays.deepToString(objs) : String.valueOf(arr);
      } catch (SQLException e) {
        return a.toString();
      }
    }
    return v.toString();
  }

  private static String cut(String s) {
    return DisplayWidth.clip(s, TEXT_CELL_WIDTH);
  }

  private static void pad(StringBuilder b, String s, int width, boolean right, boolean last) {
    int fill = width - displayWidth(s);
    if (right) {
      b.append(" ".repeat(fill)).append(s);
    } else {
      b.append(s);
      if (!last) {
        b.append(" ".repeat(fill));
      }
    }
  }

  /** Terminal columns of a string: CJK and full-width characters take two. */
  static int displayWidth(String s) {
    return DisplayWidth.of(s);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
