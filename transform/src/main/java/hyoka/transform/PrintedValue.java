package hyoka.transform;

import java.math.BigDecimal;

/**
 * A value as printed in the report and what it means. {@code value} is null when the report prints
 * no number ({@code ―}, {@code （後日報告）}, {@code 未確定}) or prints nothing at all; {@code nullReason}
 * then says which. The printed text is kept exactly as extracted. What the report prints around a
 * number to say it is no plain measured figure (約, （見込）, （暫定）, 以上, …) is read into {@code
 * qualifier}, so that a query can tell an estimate or a bound from a measured value without parsing
 * the printed text again.
 *
 * @param printed the text as printed (null only when nothing was printed)
 * @param value the number, without unit or thousands separators; null when unknown
 * @param unit the unit printed with the value (NFKC form, e.g. {@code 件}, {@code %}), or null
 * @param nullReason why {@code value} is null ({@code not_printed}, {@code dash}, {@code pending},
 *     {@code undetermined}, {@code unparseable}); null when value is present
 * @param qualifier what the printed text says of the number, comma-separated in the order of {@link
 *     Qualifier} ({@code approximate}, {@code estimate}, {@code provisional}, {@code at_least},
 *     {@code at_most}, {@code below}, {@code above}: {@code approximate,at_least} for {@code
 *     約180件以上}); null when the number is printed plain, and always when value is null
 */
public record PrintedValue(
    String printed, BigDecimal value, String unit, String nullReason, String qualifier)
    implements java.io.Serializable {
  public PrintedValue {
    if (value == null && nullReason == null) {
      throw new IllegalArgumentException("a null value needs a reason: " + printed);
    }
    if (value != null && nullReason != null) {
      throw new IllegalArgumentException("a value with a null reason: " + printed);
    }
    if (value == null && qualifier != null) {
      throw new IllegalArgumentException("a qualifier without a number: " + printed);
    }
  }

  /** A value with no qualifier. */
  public PrintedValue(String printed, BigDecimal value, String unit, String nullReason) {
    this(printed, value, unit, nullReason, null);
  }

  public static PrintedValue of(String printed, BigDecimal value, String unit) {
    return new PrintedValue(printed, value, unit, null);
  }

  /** A number the printed text qualifies ({@link Qualifier#of}); plain when qualifier is null. */
  public static PrintedValue of(String printed, BigDecimal value, String unit, String qualifier) {
    return new PrintedValue(printed, value, unit, null, qualifier);
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
