package hyoka.search;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;

/**
 * One search: the query text (all terms required by default; {@code "…"} for a phrase, {@code OR},
 * {@code NOT}, parentheses), filters, how many hits to return and whether texts of superseded
 * reports count. Without {@code snippets} the hits' snippets are empty: highlighting is most of the
 * cost of returning thousands of hits.
 */
public record SearchRequest(
    String query, SearchFilters filters, int limit, boolean includeSuperseded, boolean snippets) {
  public static final int DEFAULT_LIMIT = 20;

  /** A request with snippets. */
  public SearchRequest(String query, SearchFilters filters, int limit, boolean includeSuperseded) {
    this(query, filters, limit, includeSuperseded, true);
  }

  public SearchRequest {
    requireNonNull(query, "query is null");
    if (query.isBlank()) {
      throw new HyokaException(ErrorCode.BAD_QUERY, "the search query is empty");
    }
    filters = filters == null ? SearchFilters.NONE : filters;
    if (limit < 0) {
      throw new HyokaException(ErrorCode.BAD_QUERY, "limit must be >= 0: " + limit);
    }
  }

  /** The query with no filters, the default limit, current reports only. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, SearchFilters.NONE, DEFAULT_LIMIT, false);
  }

  public SearchRequest withFilters(SearchFilters f) {
    return new SearchRequest(query, f, limit, includeSuperseded, snippets);
  }

  public SearchRequest withLimit(int n) {
    return new SearchRequest(query, filters, n, includeSuperseded, snippets);
  }

  public SearchRequest withSuperseded(boolean include) {
    return new SearchRequest(query, filters, limit, include, snippets);
  }

  public SearchRequest withSnippets(boolean on) {
    return new SearchRequest(query, filters, limit, includeSuperseded, on);
  }
}
