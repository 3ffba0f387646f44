package hyoka.transform;

import java.math.BigDecimal;

/**
 * A value as printed in the report and what it means. {@code value} is null when the report prints
 * no number ({@code ―}, {@code （後日報告）}, {@code 未確定}) or prints nothing at all; {@code nullReason}
 * then says which. The printed text is kept exactly as extracted.
 *
 * @param printed the text as printed (null only when nothing was printed)
 * @param value the number, without unit or thousands separators; null when unknown
 * @param unit the unit printed with the value (NFKC form, e.g. {@code 件}, {@code %}), or null
 * @param nullReason why {@code value} is null ({@code not_printed}, {@code dash}, {@code pending},
 *     {@code undetermined}, {@code unparseable}); null when value is present
 */
public record PrintedValue(String printed, BigDecimal value, String unit, String nullReason)
    implements java.io.Serializable {
  public PrintedValue {
    if (value == null && nullReason == null) {
      throw new IllegalArgumentException("a null value needs a reason: " + printed);
    }
    if (value != null && nullReason != null) {
      throw new IllegalArgumentException("a value with a null reason: " + printed);
    }
  }

  public static PrintedValue of(String printed, BigDecimal value, String unit) {
    return new PrintedValue(printed, value, unit, null);
  }

  public static PrintedValue missing(String printed, String unit, String reason) {
    return new PrintedValue(printed, null, unit, reason);
  }

  public static PrintedValue notPrinted() {
    return new PrintedValue(null, null, null, "not_printed");
  }

  public boolean isKnown() {
    return value != null;
  }
}
