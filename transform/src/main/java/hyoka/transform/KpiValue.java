package hyoka.transform;

import static java.util.Objects.requireNonNull;

/**
 * One printed value of a KPI: the baseline, a yearly actual or the target.
 *
 * @param fiscalYear Western fiscal year the value is for; null when the header that names the year
 *     could not be read (the value is still kept)
 */
public record KpiValue(Integer fiscalYear, ValueKind kind, PrintedValue value)
    implements java.io.Serializable {
  public KpiValue {
    requireNonNull(kind, "kind is null");
    requireNonNull(value, "value is null");
  }
}
