package hyoka.search;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total how many texts match (all of them, not only the returned hits)
 * @param hits the best {@code limit} texts, best first
 * @param facets counts over all matching texts by dimension ({@code department}, {@code kind},
 *     {@code fiscal_year}, {@code grade}), largest first; a text counts under each grade its
 *     project's KPIs have, and under none when its layout grades nothing
 * @param field {@code text} when the words matched; {@code text_bigram} when nothing matched them
 *     and the character-bigram fallback answered (see docs/search.md)
 */
public record SearchResponse(
    long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets, String field) {
  public SearchResponse {
    hits = List.copyOf(requireNonNull(hits, "hits is null"));
    Map<String, List<FacetCount>> copy = new LinkedHashMap<>();
    requireNonNull(facets, "facets is null").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    facets = java.util.Collections.unmodifiableMap(copy);
    requireNonNull(field, "field is null");
  }

  public SearchResponse(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {
    this(total, hits, facets, IndexFields.TEXT);
  }
}
