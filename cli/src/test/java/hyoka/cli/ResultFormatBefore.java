package hyoka.cli;

import hyoka.transform.DisplayWidth;
import hyoka.transform.JsonText;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.ResultFormat;
import hyoka.warehouse.SqlValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's oracle: {@link ResultFormat} as it was before {@code hyoka sql} streamed its output
 * (main {@code dc07dc4}), which built the whole text of a held {@link QueryResult}. Kept verbatim
 * but for the class around it, so that {@link SqlStreamingTest} can hold the streamed output of
 * every format to the bytes the old one wrote. Not to be changed with ResultFormat: it is the
 * "before".
 */
final class ResultFormatBefore {
  private ResultFormatBefore() {}

  static String format(ResultFormat f, QueryResult result) {
    return switch (f) {
      case TABLE -> table(result);
      case CSV -> csv(result);
      case JSON -> json(result);
    };
  }

  private static final java.time.format.DateTimeFormatter TIMESTAMP =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", java.util.Locale.ROOT);
  private static final java.time.format.DateTimeFormatter TIMESTAMP_MICROS =
      java.time.format.DateTimeFormatter.ofPattern(
          "uuuu-MM-dd HH:mm:ss.SSSSSS", java.util.Locale.ROOT);

  /** The text of a non-null value, as all three formats print it. */
  // getNano() alone is meant: it only asks whether a timestamp has a fraction to print.
  @SuppressWarnings("JavaLocalDateTimeGetNano")
  static String text(Object value) {
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return d.toString();
      }
      return plain(BigDecimal.valueOf(d));
    }
    if (value instanceof Float f) {
      if (f.isNaN() || f.isInfinite()) {
        return f.toString(); // a FLOAT 'inf' failed every format with a NumberFormatException
      }
      return plain(new BigDecimal(f.toString()));
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof java.time.LocalDateTime t) {
      // LocalDateTime.toString drops zero seconds; print them always, fractions only when set.
      return t.format(t.getNano() == 0 ? TIMESTAMP : TIMESTAMP_MICROS);
    }
    return String.valueOf(value);
  }

  private static String plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    return s.toPlainString();
  }

  private static boolean numeric(Object value) {
    return value instanceof Number;
  }

  private static String table(QueryResult r) {
    int n = r.columns().size();
    int[] widths = new int[n];
    List<String[]> cells = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      widths[c] = displayWidth(r.columns().get(c));
    }
    for (List<Object> row : r.rows()) {
      String[] line = new String[n];
      for (int c = 0; c < n; c++) {
        Object v = row.get(c);
        line[c] = v == null ? "NULL" : oneLine(text(v));
        widths[c] = Math.max(widths[c], displayWidth(line[c]));
      }
      cells.add(line);
    }
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < n; c++) {
      if (c > 0) {
        b.append(" | ");
      }
      b.append(pad(r.columns().get(c), widths[c], false));
    }
    b.append('\n');
    for (int c = 0; c < n; c++) {
      if (c > 0) {
        b.append("-+-");
      }
      b.append("-".repeat(widths[c]));
    }
    b.append('\n');
    for (int i = 0; i < cells.size(); i++) {
      String[] line = cells.get(i);
      for (int c = 0; c < n; c++) {
        if (c > 0) {
          b.append(" | ");
        }
        Object v = r.rows().get(i).get(c);
        b.append(pad(line[c], widths[c], numeric(v)));
      }
      b.append('\n');
    }
    b.append('(')
        .append(r.rows().size())
        .append(r.rows().size() == 1 ? " row)" : " rows)")
        .append('\n');
    return stripTrailingSpaces(b.toString());
  }

  private static String stripTrailingSpaces(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      b.append(line.stripTrailing()).append('\n');
    }
    return b.substring(0, b.length() - 1);
  }

  /** Newlines inside a value would break the table's rows. */
  private static String oneLine(String s) {
    return s.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎');
  }

  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - displayWidth(s)));
    return right ? spaces + s : s + spaces;
  }

  /** Terminal columns of {@code s}: wide and full-width characters take two. */
  static int displayWidth(String s) {
    return DisplayWidth.of(s);
  }

  private static String csv(QueryResult r) {
    StringBuilder b = new StringBuilder();
    csvLine(b, new ArrayList<>(r.columns()));
    for (List<Object> row : r.rows()) {
      csvLine(b, row);
    }
    return b.toString();
  }

  private static void csvLine(StringBuilder b, List<?> values) {
    for (int c = 0; c < values.size(); c++) {
      if (c > 0) {
        b.append(',');
      }
      Object v = values.get(c);
      if (v == null) {
        continue;
      }
      String s = text(v);
      if (s.isEmpty()
          || s.indexOf(',') >= 0
          || s.indexOf('"') >= 0
          || s.indexOf('\n') >= 0
          || s.indexOf('\r') >= 0) {
        // An empty string is quoted so that it stays distinct from NULL (an empty field).
        b.append('"').append(s.replace("\"", "\"\"")).append('"');
      } else {
        b.append(s);
      }
    }
    // LF, as DuckDB's COPY and CLI end rows: with CRLF, `hyoka sql … | tail -1` gave "124\r".
    b.append('\n');
  }

  private static String json(QueryResult r) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < r.rows().size(); i++) {
      b.append(i == 0 ? "\n  {" : ",\n  {");
      List<Object> row = r.rows().get(i);
      for (int c = 0; c < row.size(); c++) {
        if (c > 0) {
          b.append(", ");
        }
        jsonString(b, r.columns().get(c));
        b.append(": ");
        jsonValue(b, row.get(c));
      }
      b.append('}');
    }
    b.append(r.rows().isEmpty() ? "]\n" : "\n]\n");
    return b.toString();
  }

  /** {@link SqlValues#json}'s value of {@code v}, written. */
  private static void jsonValue(StringBuilder b, Object v) {
    writeJson(b, SqlValues.json(v));
  }

  private static void writeJson(StringBuilder b, Object j) {
    if (j == null) {
      b.append("null");
    } else if (j instanceof BigDecimal d) {
      b.append(d.toPlainString());
    } else if (j instanceof Boolean || j instanceof Number) {
      b.append(j);
    } else if (j instanceof List<?> list) {
      b.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        writeJson(b, list.get(i));
      }
      b.append(']');
    } else {
      jsonString(b, (String) j);
    }
  }

  private static void jsonString(StringBuilder b, String s) {
    JsonText.append(b, s);
  }
}
