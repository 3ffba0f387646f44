package hyoka.search;

import static java.util.Objects.requireNonNull;

/** How many matching texts carry one value of a facet dimension. */
public record FacetCount(String value, long count) {
  public FacetCount {
    requireNonNull(value, "value is null");
  }
}
