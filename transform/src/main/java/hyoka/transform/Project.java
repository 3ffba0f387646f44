package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One project (事業) of a report with its KPIs, budget items and commentary.
 *
 * @param section the section (課) as printed; where two departments are printed both are kept, e.g.
 *     {@code 産業振興課・観光振興室}
 * @param page 1-based first page of the project
 */
public record Project(
    int projectNo,
    Integer groupNo,
    String groupName,
    String name,
    String department,
    String section,
    String description,
    int page,
    List<Kpi> kpis,
    List<BudgetItem> budgetItems,
    List<Narrative> narratives)
    implements java.io.Serializable {
  public Project {
    if (projectNo < 1) {
      throw new IllegalArgumentException("projectNo must be >= 1: " + projectNo);
    }
    requireNonNull(name, "name is null");
    kpis = List.copyOf(requireNonNull(kpis, "kpis is null"));
    budgetItems = List.copyOf(requireNonNull(budgetItems, "budgetItems is null"));
    narratives = List.copyOf(requireNonNull(narratives, "narratives is null"));
  }
}
