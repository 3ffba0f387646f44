package hyoka.warehouse;

import hyoka.transform.DisplayWidth;
import hyoka.transform.JsonText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code hyoka sql} prints a query's rows, as they come ({@link #writer}) or of a held {@link
 * QueryResult} ({@link #format}), the same text either way. NULL is shown as {@code NULL} in a
 * table, as an empty field in CSV and as {@code null} in JSON. Doubles print without a trailing
 * {@code .0} and without exponent; JSON keeps Japanese text as UTF-8, unescaped.
 */
public enum ResultFormat {
  /**
   * Aligned columns for a terminal; East Asian wide characters count two columns. The widths are
   * those of the widest value in the first {@value #TABLE_WIDTH_ROWS} rows (or fewer, once their
   * values pass {@value #TABLE_WIDTH_CHARS} characters), which are held until then; the rest of a
   * longer result is written as it comes with those widths, a wider value pushing the rest of its
   * own line to the right.
   */
  TABLE,
  /**
   * CSV with a header row, quoted as RFC 4180 says, rows ending with LF (not RFC 4180's CRLF) as
   * DuckDB writes CSV; a line break inside a value stays inside its quotes. Written row by row.
   */
  CSV,
  /** A JSON array of objects, one per row, keys in column order. Written row by row. */
  JSON;

  /** At most this many rows of a table are held to find its column widths. */
  public static final int TABLE_WIDTH_ROWS = 10_000;

  /** And at most about this many characters of their values. */
  public static final int TABLE_WIDTH_CHARS = 8_000_000;

  /** The whole text of {@code result}: what {@link #writer} writes of its rows. */
  public String format(QueryResult result) {
    StringWriter text = new StringWriter();
    try {
      write(result, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter throws none
    }
    return text.toString();
  }

  /**
   * Writes {@code result} to {@code out} row by row through {@link #writer}; buffering and flushing
   * {@code out} are the caller's, as there.
   */
  public void write(QueryResult result, Writer out) throws IOException {
    RowSink w = writer(out);
    w.columns(result.columns(), result.types());
    for (List<Object> row : result.rows()) {
      w.row(row);
    }
    w.end();
  }

  /**
   * A sink that writes a result to {@code out} in this format as its rows come, holding one row at
   * a time (a table: its first rows, {@link #TABLE}). Each row is written with one {@link
   * Writer#write(String)}; buffering {@code out} is the caller's business, and so is flushing it,
   * after {@link RowSink#end} or after a failure (the rows written until then are whole).
   */
  public RowSink writer(Writer out) {
    return switch (this) {
      case TABLE -> new TableWriter(out);
      case CSV -> new CsvWriter(out);
      case JSON -> new JsonWriter(out);
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

  /** A row's text in a builder of its own, reused, and let go of when a long row grew it. */
  private abstract static class LineWriter implements RowSink {
    private static final int KEEP = 1 << 16;
    final Writer out;
    StringBuilder line = new StringBuilder();

    LineWriter(Writer out) {
      this.out = out;
    }

    /** Writes the line built and starts the next. */
    final void writeLine() throws IOException {
      out.write(line.toString());
      if (line.capacity() > KEEP) {
        line = new StringBuilder();
      } else {
        line.setLength(0);
      }
    }
  }

  /**
   * {@link #TABLE}: the header, a rule and the rows padded to the widths of the first rows, held
   * until {@link #TABLE_WIDTH_ROWS} of them (or {@link #TABLE_WIDTH_CHARS} characters) are in; then
   * {@code (N rows)}. Trailing spaces of every line are cut, a line break in a column name
   * included.
   */
  private static final class TableWriter extends LineWriter {
    private List<String> columns;
    private int[] widths;

    /** The rows held for the widths, each its cells and which are numbers; null once written. */
    private List<String[]> cells = new ArrayList<>();

    private List<boolean[]> numbers = new ArrayList<>();
    private long heldChars;
    private long rows;

    TableWriter(Writer out) {
      super(out);
    }

    @Override
    public void columns(List<String> names, List<String> types) {
      columns = names;
      widths = new int[names.size()];
      for (int c = 0; c < widths.length; c++) {
        widths[c] = displayWidth(names.get(c));
      }
    }

    @Override
    public void row(List<Object> values) throws IOException {
      int n = widths.length;
      String[] line = new String[n];
      boolean[] numeric = new boolean[n];
      for (int c = 0; c < n; c++) {
        Object v = values.get(c);
        line[c] = v == null ? "NULL" : oneLine(text(v));
        numeric[c] = numeric(v);
      }
      rows++;
      if (cells == null) {
        writeRow(line, numeric);
        return;
      }
      for (int c = 0; c < n; c++) {
        widths[c] = Math.max(widths[c], displayWidth(line[c]));
        heldChars += line[c].length();
      }
      cells.add(line);
      numbers.add(numeric);
      if (cells.size() >= TABLE_WIDTH_ROWS || heldChars >= TABLE_WIDTH_CHARS) {
        writeHeld();
      }
    }

    @Override
    public void end() throws IOException {
      if (cells != null) {
        writeHeld();
      }
      line.append('(').append(rows).append(rows == 1 ? " row)" : " rows)");
      endLine();
    }

    /** The header, the rule and the rows held, whose widths are now fixed. */
    private void writeHeld() throws IOException {
      for (int c = 0; c < widths.length; c++) {
        if (c > 0) {
          line.append(" | ");
        }
        line.append(pad(columns.get(c), widths[c], false));
      }
      endLine();
      for (int c = 0; c < widths.length; c++) {
        if (c > 0) {
          line.append("-+-");
        }
        line.append("-".repeat(widths[c]));
      }
      endLine();
      for (int i = 0; i < cells.size(); i++) {
        writeRow(cells.get(i), numbers.get(i));
      }
      cells = null;
      numbers = null;
    }

    private void writeRow(String[] cells, boolean[] numeric) throws IOException {
      for (int c = 0; c < cells.length; c++) {
        if (c > 0) {
          line.append(" | ");
        }
        line.append(pad(cells[c], widths[c], numeric[c]));
      }
      endLine();
    }

    /** The line built, without the trailing spaces of any of its lines, and its LF. */
    private void endLine() throws IOException {
      String s = line.toString();
      line.setLength(0);
      int from = 0;
      for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
        appendStripped(s, from, nl);
        from = nl + 1;
      }
      appendStripped(s, from, s.length());
      writeLine();
    }

    /** {@code s} from {@code start} to {@code end}, its trailing whitespace cut, and an LF. */
    private void appendStripped(String s, int start, int end) {
      int floor = line.length();
      line.append(s, start, end).setLength(stripped(line, floor));
      line.append('\n');
    }

    /**
     * The length of {@code b} without its trailing whitespace (what String.stripTrailing cuts), but
     * not below {@code floor}.
     */
    private static int stripped(StringBuilder b, int floor) {
      int end = b.length();
      while (end > floor) {
        int cp = Character.codePointBefore(b, end);
        if (!Character.isWhitespace(cp)) {
          break;
        }
        end -= Character.charCount(cp);
      }
      return end;
    }
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
  public static int displayWidth(String s) {
    return DisplayWidth.of(s);
  }

  /** {@link #CSV}: the header line, then a line per row. */
  private static final class CsvWriter extends LineWriter {
    CsvWriter(Writer out) {
      super(out);
    }

    @Override
    public void columns(List<String> names, List<String> types) throws IOException {
      csvLine(line, names);
      writeLine();
    }

    @Override
    public void row(List<Object> values) throws IOException {
      csvLine(line, values);
      writeLine();
    }

    @Override
    public void end() {}
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

  /** {@link #JSON}: {@code [}, an object per row, each on its line, {@code ]}. */
  private static final class JsonWriter extends LineWriter {
    private List<String> columns;
    private long rows;

    JsonWriter(Writer out) {
      super(out);
    }

    @Override
    public void columns(List<String> names, List<String> types) throws IOException {
      columns = names;
      out.write("[");
    }

    @Override
    public void row(List<Object> values) throws IOException {
      line.append(rows++ == 0 ? "\n  {" : ",\n  {");
      for (int c = 0; c < values.size(); c++) {
        if (c > 0) {
          line.append(", ");
        }
        jsonString(line, columns.get(c));
        line.append(": ");
        jsonValue(line, values.get(c));
      }
      line.append('}');
      writeLine();
    }

    @Override
    public void end() throws IOException {
      out.write(rows == 0 ? "]\n" : "\n]\n");
    }
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
