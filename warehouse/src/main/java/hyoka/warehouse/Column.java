package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

/**
 * One column of a warehouse table.
 *
 * @param doc what the column means, with its unit; docs/schema.md is checked against it
 */
public record Column(String name, ColumnType type, String doc) {
  public Column {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(doc, "doc is null");
  }
}
