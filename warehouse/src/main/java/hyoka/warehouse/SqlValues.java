package hyoka.warehouse;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB's values as hyoka hands them on, one conversion for every reader: {@link #javaValue} reads
 * a JDBC value as a {@link QueryResult} holds it, {@link #json} is the value JSON holds, as {@code
 * hyoka sql --format json} writes it ({@link ResultFormat#JSON}) and hyoka serve's API answers it.
 */
public final class SqlValues {
  private SqlValues() {}

  /**
   * A JDBC value as {@link QueryResult} holds it: timestamps and dates as java.time, arrays as
   * lists (of values converted alike), a BLOB as the text DuckDB prints for it ({@link #blobText}),
   * the rest as the driver gives it.
   */
  public static Object javaValue(Object v) throws SQLException {
    if (v instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Blob b) {
      return blobText(b);
    }
    if (v instanceof java.sql.Array a) {
      Object array = a.getArray();
      if (array instanceof Object[] items) {
        List<Object> list = new ArrayList<>();
        for (Object item : items) {
          list.add(javaValue(item));
        }
        return list;
      }
      return String.valueOf(array);
    }
    return v;
  }

  /**
   * A BLOB as DuckDB prints it, its cast to VARCHAR: a printable ASCII byte as it is, any other
   * byte and the backslash and both quotes as {@code \xHH} ({@code 'a\x00'::BLOB} is {@code
   * a\x00}). The driver's own object prints only its buffer's state.
   */
  public static String blobText(java.sql.Blob blob) throws SQLException {
    long length = blob.length();
    byte[] bytes = length == 0 ? new byte[0] : blob.getBytes(1, Math.toIntExact(length));
    StringBuilder b = new StringBuilder(bytes.length);
    for (byte x : bytes) {
      int c = x & 0xff;
      if (c >= 0x20 && c <= 0x7e && c != '\\' && c != '\'' && c != '"') {
        b.append((char) c);
      } else {
        b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return b.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * A value of a {@link QueryResult} (or of {@link #javaValue}) as JSON holds it: null; a Boolean;
   * a whole number as it is (Integer, Long, BigInteger, …); any other finite number as a BigDecimal
   * whose {@link BigDecimal#toPlainString plain text} is the number as hyoka prints it (a DOUBLE
   * with neither a trailing {@code .0} nor an exponent, a DECIMAL with its scale); a list as a list
   * of such values; anything else, NaN and the infinities included, as its printed text (a
   * TIMESTAMP {@code 2019-04-01 10:00:00}, a DATE {@code 2019-04-01}, a STRUCT as DuckDB's driver
   * prints it).
   */
  public static Object json(Object v) {
    if (v == null || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isNaN(d) || Double.isInfinite(d) ? ResultFormat.text(v) : plain(v);
    }
    if (v instanceof Number) {
      return v; // whole numbers and DECIMALs print as they are
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(json(item));
      }
      return out;
    }
    return ResultFormat.text(v);
  }

  /** A float or double as the BigDecimal of its printed text. */
  private static BigDecimal plain(Object floating) {
    return new BigDecimal(ResultFormat.text(floating));
  }
}
