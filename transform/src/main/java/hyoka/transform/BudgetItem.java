package hyoka.transform;

/**
 * One budget item of a project (個別事業(予算ベース)): one 概要/目的 pair.
 *
 * @param itemNo 1-based number within the project, in the order of the 概要/目的 label pairs
 * @param name printed item name; null when the report prints none for this item
 * @param overview 概要 text, or null
 * @param purpose 目的 text, or null
 * @param implementation 《…実施内容》 text, or null (the label can be empty)
 * @param page 1-based page where the item's texts are printed
 * @param note why a text is null where the reading order cannot tell it, or null
 */
public record BudgetItem(
    int itemNo,
    String name,
    String overview,
    String purpose,
    String implementation,
    int page,
    String note)
    implements java.io.Serializable {
  public BudgetItem {
    if (itemNo < 1) {
      throw new IllegalArgumentException("itemNo must be >= 1: " + itemNo);
    }
  }

  /** An item with nothing to note. */
  public BudgetItem(
      int itemNo, String name, String overview, String purpose, String implementation, int page) {
    this(itemNo, name, overview, purpose, implementation, page, null);
  }
}
