package hyoka.search;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;

/**
 * One search: the query text (all terms required by default; {@code "…"} for a phrase, {@code
 * OR}, {@code NOT}, parentheses), filters, how many hits to return and whether texts of
 * superseded reports count.
 */
public record SearchRequest(
    String query, SearchFilters filters, int limit, boolean includeSuperseded) {
  public static final int DEFAULT_LIMIT = 20;

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
    return new SearchRequest(query, f, limit, includeSuperseded);
  }

  public SearchRequest withLimit(int n) {
    return new SearchRequest(query, filters, n, includeSuperseded);
  }

  public SearchRequest withSuperseded(boolean include) {
    return new SearchRequest(query, filters, limit, include);
  }
}
