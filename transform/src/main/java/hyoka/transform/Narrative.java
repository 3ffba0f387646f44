package hyoka.transform;

import static java.util.Objects.requireNonNull;

/**
 * One commentary text of a project.
 *
 * @param itemNo the budget item the text belongs to; null for project-level texts (現状分析, ５年間の総括)
 * @param text the text as printed, wrapped lines joined
 * @param page 1-based page
 */
public record Narrative(Integer itemNo, NarrativeKind kind, String text, int page)
    implements java.io.Serializable {
  public Narrative {
    requireNonNull(kind, "kind is null");
    requireNonNull(text, "text is null");
  }
}
