package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A layout's answer to "is this text yours?": the marks of the layout found in the text and those
 * missing. A layout claims a text when every mark it requires is found.
 *
 * @param layout the layout's name
 * @param claimed whether the layout reads this text
 * @param found the marks found, each a short phrase naming what and where (e.g. {@code 補正前ｽｺｱ スコア
 *     label on 36 pages})
 * @param missing the required marks not found (empty when claimed)
 */
public record LayoutClaim(String layout, boolean claimed, List<String> found, List<String> missing)
    implements java.io.Serializable {
  public LayoutClaim {
    requireNonNull(layout, "layout is null");
    found = List.copyOf(requireNonNull(found, "found is null"));
    missing = List.copyOf(requireNonNull(missing, "missing is null"));
    if (claimed && !missing.isEmpty()) {
      throw new IllegalArgumentException("a claim with missing marks: " + missing);
    }
  }

  /** A claim from the marks found and missing: claimed when nothing required is missing. */
  public static LayoutClaim of(String layout, List<String> found, List<String> missing) {
    return new LayoutClaim(layout, missing.isEmpty(), found, missing);
  }

  /** The share of the layout's marks that were found, to tell which layout came closest. */
  public double strength() {
    int all = found.size() + missing.size();
    return all == 0 ? 0 : (double) found.size() / all;
  }
}
