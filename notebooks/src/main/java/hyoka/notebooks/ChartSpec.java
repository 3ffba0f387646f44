package hyoka.notebooks;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code %chart} draws, parsed from the magic's line: {@code %chart line|bar|barh [x=COL]
 * [y=COL,COL…] [series=COL] [title="…"] [width=PX] [height=PX]}.
 *
 * @param x the column on the x axis; null means the first column
 * @param y the value columns; empty means every numeric column other than x and series
 * @param series a column whose values split the rows into one line (or bar colour) each; null for
 *     none
 */
public record ChartSpec(
    Kind kind, String x, List<String> y, String series, String title, int width, int height) {
  /** The kinds of chart. */
  public enum Kind {
    LINE,
    BAR,
    /** Horizontal bars: long Japanese labels stay readable on the vertical axis. */
    BARH
  }

  public ChartSpec {
    requireNonNull(kind, "kind is null");
    y = List.copyOf(requireNonNull(y, "y is null"));
    if (width < 100 || width > 4000 || height < 100 || height > 4000) {
      throw new IllegalArgumentException(
          "chart size must be 100..4000 px: " + width + "x" + height);
    }
  }

  static final String USAGE =
      "%chart line|bar|barh [x=COL] [y=COL,COL...] [series=COL] [title=\"...\"] [width=PX]"
          + " [height=PX], then optionally a query on the next lines (else the previous result is"
          + " drawn)";

  /** Parses the arguments after {@code %chart}. */
  static ChartSpec parse(String args) {
    List<String> words = MagicArgs.split(args);
    if (words.isEmpty()) {
      throw bad("missing chart kind");
    }
    Kind kind =
        switch (words.get(0).toLowerCase(Locale.ROOT)) {
          case "line" -> Kind.LINE;
          case "bar" -> Kind.BAR;
          case "barh" -> Kind.BARH;
          default -> throw bad("unknown chart kind " + words.get(0));
        };
    String x = null;
    String series = null;
    String title = null;
    List<String> y = new ArrayList<>();
    int width = 800;
    int height = 420;
    for (String w : words.subList(1, words.size())) {
      int eq = w.indexOf('=');
      if (eq < 1) {
        throw bad("expected key=value, got " + w);
      }
      String key = w.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = w.substring(eq + 1);
      switch (key) {
        case "x" -> x = value;
        case "y" -> {
          for (String c : value.split(",")) {
            if (!c.isBlank()) {
              y.add(c.trim());
            }
          }
        }
        case "series" -> series = value;
        case "title" -> title = value;
        case "width" -> width = size(key, value);
        case "height" -> height = size(key, value);
        default -> throw bad("unknown option " + key);
      }
    }
    try {
      return new ChartSpec(kind, x, y, series, title, width, height);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private static int size(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw bad(key + " must be a number of pixels: " + value);
    }
  }

  private static HyokaException bad(String why) {
    return new HyokaException(ErrorCode.BAD_ARGUMENT, "%chart: " + why + ". Usage: " + USAGE);
  }
}
