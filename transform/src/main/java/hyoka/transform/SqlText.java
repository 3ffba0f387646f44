package hyoka.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lexical shape of DuckDB SQL text, in one linear pass and without recursion: where string
 * literals ({@code '…'} with {@code ''}, {@code E'…'} with backslash escapes, {@code $tag$…$tag$}),
 * quoted identifiers ({@code "…"}) and comments ({@code -- …} and nested {@code /* … *}{@code /})
 * begin and end, where statements end ({@code ;} outside all of those), and what a statement's
 * first word is. It does not parse SQL: DuckDB does that, and enforces what a connection may do.
 * hyoka uses it to find its own {@code search(…)} calls, to split what is typed at the {@code hyoka
 * sql} prompt into statements, and for messages; a text of any length scans in bounded stack.
 */
public final class SqlText {
  private SqlText() {}

  /** {@link #skip} of a literal or comment that is not closed before the end of the text. */
  public static final int OPEN = -1;

  /**
   * Where the string literal, quoted identifier or comment that starts at {@code i} ends (the
   * offset just after it); {@code i} itself when none starts there; {@link #OPEN} when it is not
   * closed.
   */
  public static int skip(String sql, int i) {
    if (i >= sql.length()) {
      return i;
    }
    char c = sql.charAt(i);
    switch (c) {
      case '\'' -> {
        boolean escapes = i > 0 && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E');
        escapes = escapes && (i < 2 || !isWordChar(sql.charAt(i - 2)));
        return quoted(sql, i, '\'', escapes);
      }
      case '"' -> {
        return quoted(sql, i, '"', false);
      }
      case '-' -> {
        if (sql.startsWith("--", i)) {
          int nl = sql.indexOf('\n', i);
          return nl < 0 ? sql.length() : nl + 1;
        }
        return i;
      }
      case '/' -> {
        return sql.startsWith("/*", i) ? blockComment(sql, i) : i;
      }
      case '$' -> {
        return dollarQuoted(sql, i);
      }
      default -> {
        return i;
      }
    }
  }

  private static int quoted(String sql, int i, char quote, boolean backslashEscapes) {
    int p = i + 1;
    while (p < sql.length()) {
      char c = sql.charAt(p);
      if (backslashEscapes && c == '\\') {
        p += 2;
      } else if (c == quote) {
        if (p + 1 < sql.length() && sql.charAt(p + 1) == quote) {
          p += 2;
        } else {
          return p + 1;
        }
      } else {
        p++;
      }
    }
    return OPEN;
  }

  /** DuckDB, like PostgreSQL, nests block comments. */
  private static int blockComment(String sql, int i) {
    int depth = 0;
    int p = i;
    while (p < sql.length()) {
      if (sql.startsWith("/*", p)) {
        depth++;
        p += 2;
      } else if (sql.startsWith("*/", p)) {
        depth--;
        p += 2;
        if (depth == 0) {
          return p;
        }
      } else {
        p++;
      }
    }
    return OPEN;
  }

  /** {@code $tag$ … $tag$} (tag empty or an identifier); {@code $1} is a parameter, not a quote. */
  private static int dollarQuoted(String sql, int i) {
    if (i > 0 && isWordChar(sql.charAt(i - 1))) {
      return i;
    }
    int p = i + 1;
    if (p < sql.length() && Character.isDigit(sql.charAt(p))) {
      return i;
    }
    while (p < sql.length() && isWordChar(sql.charAt(p))) {
      p++;
    }
    if (p >= sql.length() || sql.charAt(p) != '$') {
      return i;
    }
    String tag = sql.substring(i, p + 1);
    int close = sql.indexOf(tag, p + 1);
    return close < 0 ? OPEN : close + tag.length();
  }

  /** A character that continues an identifier or keyword. */
  public static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * The statements of {@code sql}: split at each {@code ;} outside literals and comments, stripped,
   * blank ones (only spaces and comments) left out. An unclosed literal or comment runs to the end.
   */
  public static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < sql.length()) {
      int j = skip(sql, i);
      if (j == OPEN) {
        break;
      }
      if (j > i) {
        i = j;
      } else if (sql.charAt(i) == ';') {
        add(out, sql.substring(start, i));
        start = ++i;
      } else {
        i++;
      }
    }
    add(out, sql.substring(start));
    return out;
  }

  private static void add(List<String> out, String statement) {
    if (hasCode(statement)) {
      out.add(statement.strip());
    }
  }

  private static boolean hasCode(String s) {
    return codeStart(s) < s.length();
  }

  /**
   * The offset of the first code of {@code s}: past spaces and comments (an unclosed comment runs
   * to the end); {@code s.length()} when there is none.
   */
  private static int codeStart(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int j = skip(s, i);
      boolean comment = j != i && (c == '-' || c == '/');
      if (comment) {
        i = j == OPEN ? s.length() : j;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        return i;
      }
    }
    return i;
  }

  /**
   * Whether {@code sql} is ready to run as typed at a prompt: no literal or comment is open and its
   * last code (outside comments) is {@code ;}, or it holds no code at all.
   */
  public static boolean isComplete(String sql) {
    char last = ';';
    int i = 0;
    while (i < sql.length()) {
      int j = skip(sql, i);
      if (j == OPEN) {
        return false;
      }
      char c = sql.charAt(i);
      if (j > i) {
        if (c != '-' && c != '/') {
          last = c;
        }
        i = j;
      } else {
        if (!Character.isWhitespace(c)) {
          last = c;
        }
        i++;
      }
    }
    return last == ';';
  }

  /** The first word of a statement outside comments, upper-case; empty when it starts otherwise. */
  public static String firstWord(String statement) {
    int i = codeStart(statement);
    int end = i;
    while (end < statement.length() && isWordChar(statement.charAt(end))) {
      end++;
    }
    return statement.substring(i, end).toUpperCase(Locale.ROOT);
  }
}
