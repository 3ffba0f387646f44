package hyoka.search;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One text that matched, with where it is printed and its project's KPI scores.
 *
 * @param itemNo budget item number for overview/purpose/implementation texts, KPI number for kpi
 *     texts, null for project-level texts
 * @param itemName the budget item's printed name, or null
 * @param relevance BM25 score of the text for the query (comparable within one response only)
 * @param snippet the best passages of the printed text, matches marked «like this»
 * @param supersededBy the report that replaces this one, null when current
 * @param kpis every KPI of the project in the same report
 */
public record SearchHit(
    String reportId,
    int fiscalYear,
    String series,
    int projectNo,
    String projectKey,
    String projectName,
    Integer groupNo,
    String groupName,
    String department,
    String section,
    String kind,
    Integer itemNo,
    String itemName,
    int page,
    float relevance,
    String snippet,
    String supersededBy,
    List<KpiScore> kpis) {
  public SearchHit {
    requireNonNull(reportId, "reportId is null");
    requireNonNull(series, "series is null");
    requireNonNull(projectName, "projectName is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(snippet, "snippet is null");
    kpis = List.copyOf(requireNonNull(kpis, "kpis is null"));
  }
}
