package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A grade scale as a document prints it (評価基準：Ａ＝達成率100％以上　Ｂ＝80％以上100％未満 …): each symbol with the
 * achievement range it covers. The legend is read from the document, never assumed, because cities
 * draw their bands differently.
 *
 * @param printed the legend's text as printed
 * @param page 1-based page it was read from (the first, where every page prints it)
 * @param bands the symbols with their ranges, in printed order
 * @param noActualSymbol the symbol for "no actual" (folded form, e.g. {@code -} for {@code
 *     －＝実績なし}); null when the legend names none
 */
public record GradeLegend(String printed, int page, List<Band> bands, String noActualSymbol)
    implements java.io.Serializable {
  public GradeLegend {
    requireNonNull(printed, "printed is null");
    bands = List.copyOf(requireNonNull(bands, "bands is null"));
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("a legend without bands: " + printed);
    }
  }

  /**
   * One symbol and its achievement range: {@code atLeast <= achievement < below} as most legends
   * print it ({@code 80％以上100％未満}); {@code 超} (more than) makes the lower bound open and {@code 以下}
   * (at most) the upper bound closed.
   *
   * @param symbol the symbol in folded form (NFKC, dashes as {@code -}: {@code A})
   * @param atLeast the lower bound in percent, inclusive unless {@code lowerOpen}; null for no
   *     lower bound
   * @param below the upper bound in percent, exclusive unless {@code upperClosed}; null for no
   *     upper bound
   * @param lowerOpen whether the lower bound itself is outside the band ({@code 100％超})
   * @param upperClosed whether the upper bound itself is inside the band ({@code 50％以下})
   */
  public record Band(
      String symbol, BigDecimal atLeast, BigDecimal below, boolean lowerOpen, boolean upperClosed)
      implements java.io.Serializable {
    public Band {
      requireNonNull(symbol, "symbol is null");
      if (atLeast == null && below == null) {
        throw new IllegalArgumentException("a band without bounds: " + symbol);
      }
      if (atLeast == null && lowerOpen || below == null && upperClosed) {
        throw new IllegalArgumentException("an open or closed end without a bound: " + symbol);
      }
      if (atLeast != null && below != null) {
        int c = atLeast.compareTo(below);
        if (c > 0 || c == 0 && (lowerOpen || !upperClosed)) {
          throw new IllegalArgumentException("an empty band: " + symbol);
        }
      }
    }

    /** The band most legends print: {@code atLeast <= achievement < below}. */
    public Band(String symbol, BigDecimal atLeast, BigDecimal below) {
      this(symbol, atLeast, below, false, false);
    }

    public boolean contains(BigDecimal achievement) {
      if (atLeast != null) {
        int c = achievement.compareTo(atLeast);
        if (c < 0 || c == 0 && lowerOpen) {
          return false;
        }
      }
      if (below != null) {
        int c = achievement.compareTo(below);
        return c < 0 || c == 0 && upperClosed;
      }
      return true;
    }
  }

  /**
   * The symbol of the first band that contains {@code achievement}, the no-actual symbol when it is
   * null, or null when no band contains it (a gap in the printed legend).
   */
  public String symbolFor(BigDecimal achievement) {
    if (achievement == null) {
      return noActualSymbol;
    }
    for (Band b : bands) {
      if (b.contains(achievement)) {
        return b.symbol();
      }
    }
    return null;
  }
}
