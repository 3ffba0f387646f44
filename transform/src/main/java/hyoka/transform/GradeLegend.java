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
   * One symbol and its achievement range, {@code atLeast <= achievement < below}.
   *
   * @param symbol the symbol in folded form (NFKC: {@code A})
   * @param atLeast the inclusive lower bound in percent; null for no lower bound
   * @param below the exclusive upper bound in percent; null for no upper bound
   */
  public record Band(String symbol, BigDecimal atLeast, BigDecimal below)
      implements java.io.Serializable {
    public Band {
      requireNonNull(symbol, "symbol is null");
      if (atLeast == null && below == null) {
        throw new IllegalArgumentException("a band without bounds: " + symbol);
      }
    }

    public boolean contains(BigDecimal achievement) {
      return (atLeast == null || achievement.compareTo(atLeast) >= 0)
          && (below == null || achievement.compareTo(below) < 0);
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
