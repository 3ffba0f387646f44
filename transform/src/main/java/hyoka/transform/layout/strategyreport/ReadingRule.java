package hyoka.transform.layout.strategyreport;

/**
 * A named rule of reading a narrative block ({@link Placement}, {@link Repair}, {@link
 * Repair.NameAbove}): what a reading records as having decided each text, so that a wrong text
 * points at its rule.
 */
interface ReadingRule {
  /** The rule's name, as its enum constant. */
  String name();

  /** Why a paragraph this rule sets aside is no one's; null for a rule that sets none aside. */
  default String setAsideReason() {
    return null;
  }
}
