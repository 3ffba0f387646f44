package hyoka.warehouse;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The few column types the warehouse uses, each with its Arrow type (how rows travel in shards) and
 * its DuckDB type (how they are stored). Keeping the two side by side is what lets the Arrow C
 * stream load a shard with a plain {@code INSERT ... SELECT}.
 */
public enum ColumnType {
  VARCHAR(ArrowType.Utf8.INSTANCE, "VARCHAR"),
  INTEGER(new ArrowType.Int(32, true), "INTEGER"),
  BIGINT(new ArrowType.Int(64, true), "BIGINT"),
  /** Numbers printed in the reports; the exact printed text is always stored beside them. */
  DOUBLE(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "DOUBLE"),
  /** An instant in UTC, stored without zone (DuckDB TIMESTAMP, microseconds). */
  TIMESTAMP(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), "TIMESTAMP");

  private final ArrowType arrowType;
  private final String sqlType;

  ColumnType(ArrowType arrowType, String sqlType) {
    this.arrowType = arrowType;
    this.sqlType = sqlType;
  }

  public ArrowType arrowType() {
    return arrowType;
  }

  public String sqlType() {
    return sqlType;
  }
}
