package hyoka.search;

import hyoka.transform.Eras;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.SqlText;
import hyoka.transform.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code search(…)} call found in a SQL statement, with its arguments parsed: the query string,
 * an optional limit, and named filters in DuckDB's table-function syntax ({@code name := value}, as
 * in {@code read_csv('f', header := true)}; {@code name = value} works as in DuckDB):
 *
 * <pre>search('除雪', 10, year := 2019, department := '建設', kind := 'kpi', all_reports := true)</pre>
 *
 * <pre>search('除雪', grade := 'C,D')</pre>
 *
 * The names are the CLI's options with {@code _} for {@code -}. Values are SQL literals: strings
 * with quotes doubled, numbers, {@code true}/{@code false}. {@link SearchSql} replaces the text
 * from {@link #start} to {@link #end} by a table of the hits.
 *
 * @param start offset of {@code search} in the statement
 * @param end offset just after the closing parenthesis
 * @param query the query text, quotes undoubled
 * @param limit the number of hits to keep; {@link SearchSql#ALL} when none is given
 */
record SearchCall(
    int start, int end, String query, int limit, SearchFilters filters, boolean includeSuperseded) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
  private static final Pattern WORD = Pattern.compile("(?i)true|false");
  private static final Pattern SPACE = Pattern.compile("\\s*");

  /** The filter names, in the order an error message lists them. */
  static final List<String> NAMES =
      List.of(
          "year",
          "series",
          "project",
          "department",
          "group",
          "kind",
          "min_score",
          "max_score",
          "grade",
          "all_reports",
          "limit");

  /**
   * Every call in {@code sql}, in order. {@code search('…'} followed by anything but {@code ,} or
   * {@code )} is not a call (e.g. the text of another string literal) and is left alone; once a
   * comma follows the query, the arguments must parse.
   *
   * @throws HyokaException BAD_QUERY for an argument that does not parse or a bad filter value
   */
  static List<SearchCall> find(String sql) {
    List<SearchCall> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      int skipped = SqlText.skip(sql, i);
      if (skipped == SqlText.OPEN) {
        break;
      }
      if (skipped > i) {
        i = skipped;
        continue;
      }
      int literal = queryLiteral(sql, i);
      if (literal < 0) {
        i++;
        continue;
      }
      int end = SqlText.skip(sql, literal);
      if (end == SqlText.OPEN) {
        break;
      }
      String query = sql.substring(literal + 1, end - 1).replace("''", "'");
      SearchCall call = new Args(sql, end, query).parse(i);
      if (call != null) {
        out.add(call);
        i = call.end();
      } else {
        i = end;
      }
    }
    return out;
  }

  /**
   * Where the query literal of a call starting at {@code i} begins: {@code search} (any case, not
   * part of a longer name, a qualified name or a quoted identifier), then {@code (} and {@code '},
   * spaces allowed between; -1 when there is no such call at {@code i}.
   */
  private static int queryLiteral(String sql, int i) {
    if (!sql.regionMatches(true, i, "search", 0, 6)) {
      return -1;
    }
    if (i > 0) {
      char before = sql.charAt(i - 1);
      if (SqlText.isWordChar(before) || before == '.' || before == '"') {
        return -1;
      }
    }
    int p = spaces(sql, i + 6);
    if (p >= sql.length() || sql.charAt(p) != '(') {
      return -1;
    }
    p = spaces(sql, p + 1);
    return p < sql.length() && sql.charAt(p) == '\'' ? p : -1;
  }

  private static int spaces(String sql, int p) {
    while (p < sql.length() && Character.isWhitespace(sql.charAt(p))) {
      p++;
    }
    return p;
  }

  /** The request this call makes; snippets only when the statement can read them. */
  SearchRequest request(boolean snippets) {
    return new SearchRequest(query, filters, limit, includeSuperseded, snippets);
  }

  /** A literal value as written: its text (quotes undoubled for a string) and whether quoted. */
  private record Value(String text, boolean quoted) {
    String shown() {
      return quoted ? "'" + text.replace("'", "''") + "'" : text;
    }
  }

  /** The argument list after the query literal, read left to right. */
  private static final class Args {
    private final String sql;
    private final String query;
    private int pos;

    Args(String sql, int pos, String query) {
      this.sql = sql;
      this.pos = pos;
      this.query = query;
    }

    /** The call, or null when the query literal is not followed by {@code ,} or {@code )}. */
    SearchCall parse(int start) {
      skipSpace();
      if (pos >= sql.length() || (sql.charAt(pos) != ',' && sql.charAt(pos) != ')')) {
        return null;
      }
      Map<String, Value> named = new LinkedHashMap<>();
      Value positionalLimit = null;
      boolean first = true;
      while (sql.charAt(pos) == ',') {
        pos++;
        skipSpace();
        Matcher name = NAME.matcher(sql).region(pos, sql.length());
        if (name.lookingAt() && isAssignment(name.end())) {
          String n = name.group().toLowerCase(Locale.ROOT);
          pos = name.end();
          skipSpace();
          pos += sql.startsWith(":=", pos) ? 2 : 1;
          skipSpace();
          Value v = value(n);
          if (n.equals("fiscal_year")) {
            n = "year"; // the hits table's column name, as a reader of the SQL may guess it
          }
          if (!NAMES.contains(n)) {
            throw bad(
                "unknown filter '"
                    + name.group()
                    + "': use "
                    + String.join(", ", NAMES.subList(0, NAMES.size() - 1))
                    + " or limit");
          }
          if (named.put(n, v) != null || (n.equals("limit") && positionalLimit != null)) {
            throw bad(n + " is given twice");
          }
        } else if (first && named.isEmpty()) {
          Matcher num = NUMBER.matcher(sql).region(pos, sql.length());
          if (!num.lookingAt()) {
            throw bad("expected a limit or name := value after the query, at '" + excerpt() + "'");
          }
          positionalLimit = new Value(num.group(), false);
          pos = num.end();
        } else {
          throw bad("expected name := value, at '" + excerpt() + "'");
        }
        first = false;
        skipSpace();
        if (pos >= sql.length()) {
          throw bad("no closing parenthesis");
        }
        if (sql.charAt(pos) != ',' && sql.charAt(pos) != ')') {
          throw bad("expected , or ) at '" + excerpt() + "'");
        }
      }
      pos++; // the ')'
      Value lim = positionalLimit != null ? positionalLimit : named.get("limit");
      int limit = lim == null ? SearchSql.ALL : limit(lim);
      Integer year = named.containsKey("year") ? year(named.get("year")) : null;
      Double min = score(named, "min_score");
      Double max = score(named, "max_score");
      SearchFilters filters;
      try {
        String kind = text(named.get("kind"));
        // Checked here so a bad kind stops the statement before any search runs.
        if (kind != null) {
          Searcher.kind(kind);
        }
        filters =
            new SearchFilters(
                year,
                text(named.get("series")),
                text(named.get("project")),
                text(named.get("department")),
                text(named.get("group")),
                kind,
                min,
                max,
                text(named.get("grade")));
      } catch (HyokaException e) {
        throw bad(e.getMessage());
      }
      boolean all = named.containsKey("all_reports") && bool(named.get("all_reports"));
      return new SearchCall(start, pos, query, limit, filters, all);
    }

    /** After a name: {@code :=}, {@code =}, but not {@code ==} or {@code =>}. */
    private boolean isAssignment(int after) {
      int p = after;
      while (p < sql.length() && Character.isWhitespace(sql.charAt(p))) {
        p++;
      }
      if (sql.startsWith(":=", p)) {
        return true;
      }
      return sql.startsWith("=", p) && !sql.startsWith("==", p) && !sql.startsWith("=>", p);
    }

    private Value value(String name) {
      if (pos < sql.length() && sql.charAt(pos) == '\'') {
        StringBuilder b = new StringBuilder();
        int p = pos + 1;
        while (true) {
          int q = sql.indexOf('\'', p);
          if (q < 0) {
            throw bad("the string given for " + name + " is not closed");
          }
          b.append(sql, p, q);
          if (q + 1 < sql.length() && sql.charAt(q + 1) == '\'') {
            b.append('\'');
            p = q + 2;
          } else {
            pos = q + 1;
            return new Value(b.toString(), true);
          }
        }
      }
      for (Pattern literal : List.of(NUMBER, WORD)) {
        Matcher v = literal.matcher(sql).region(pos, sql.length());
        if (v.lookingAt() && !continuesWord(v.end())) {
          pos = v.end();
          return new Value(v.group(), false);
        }
      }
      throw bad(
          name + " must be a literal: a 'string', a number, true or false, at '" + excerpt() + "'");
    }

    private boolean continuesWord(int p) {
      return p < sql.length() && (Character.isLetterOrDigit(sql.charAt(p)) || sql.charAt(p) == '_');
    }

    private int limit(Value v) {
      if (v.quoted() || !v.text().matches("\\d+")) {
        throw bad("limit must be a whole number >= 0, not " + v.shown());
      }
      try {
        return Integer.parseInt(v.text());
      } catch (NumberFormatException e) {
        throw bad("limit is too large: " + v.text());
      }
    }

    /** As {@code hyoka search --year} takes it: 2019, '2019年度', '令和元', 'H31' … */
    private Integer year(Value v) {
      try {
        return Eras.fiscalYear(v.text());
      } catch (IllegalArgumentException e) {
        throw bad("year " + e.getMessage());
      }
    }

    private Double score(Map<String, Value> named, String name) {
      Value v = named.get(name);
      if (v == null) {
        return null;
      }
      String t = Texts.fold(v.text()).strip();
      if (!NUMBER.matcher(t).matches()) {
        throw bad(name + " must be a number such as 50, not " + v.shown());
      }
      return Double.valueOf(t);
    }

    private boolean bool(Value v) {
      if (v.quoted() || !WORD.matcher(v.text()).matches()) {
        throw bad("all_reports must be true or false, not " + v.shown());
      }
      return v.text().equalsIgnoreCase("true");
    }

    /** A string filter; a number is its text, so {@code project := 8} works like --project 8. */
    private static String text(Value v) {
      return v == null ? null : v.text();
    }

    private void skipSpace() {
      Matcher s = SPACE.matcher(sql).region(pos, sql.length());
      s.lookingAt();
      pos = s.end();
    }

    /** A short one-line piece of the statement where parsing stopped. */
    private String excerpt() {
      String rest = sql.substring(pos, Math.min(sql.length(), pos + 20));
      return rest.replaceAll("\\s+", " ");
    }

    private HyokaException bad(String reason) {
      return new HyokaException(
          ErrorCode.BAD_QUERY,
          "search('" + QueryText.shown(query).replace("'", "''") + "', …): " + reason);
    }
  }
}
