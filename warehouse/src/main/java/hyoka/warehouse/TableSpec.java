package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table as it travels in a shard (Arrow schema) and as it is stored in DuckDB. Columns that only
 * the publish step knows (the run id, the superseding report) are {@code dbOnly}: they are in the
 * DuckDB table but not in the shard.
 */
public record TableSpec(String name, List<Column> columns, List<Column> dbOnly) {
  public TableSpec {
    requireNonNull(name, "name is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    dbOnly = List.copyOf(requireNonNull(dbOnly, "dbOnly is null"));
  }

  /** The Arrow schema of the shard file; every column is nullable. */
  public Schema arrowSchema() {
    List<Field> fields = new ArrayList<>();
    for (Column c : columns) {
      fields.add(new Field(c.name(), FieldType.nullable(c.type().arrowType()), null));
    }
    return new Schema(fields);
  }

  public List<Column> allColumns() {
    List<Column> all = new ArrayList<>(columns);
    all.addAll(dbOnly);
    return all;
  }

  public String createTableSql() {
    return "CREATE TABLE IF NOT EXISTS "
        + name
        + " ("
        + allColumns().stream()
            .map(c -> quote(c.name()) + " " + c.type().sqlType())
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** The shard columns, quoted and comma-separated, in shard order. */
  public String columnList() {
    return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
  }

  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + column + " in " + name);
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
