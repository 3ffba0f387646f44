package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the SQL of a {@link Warehouse#openReadOnly(FileAccess) read-only connection} may read
 * besides the warehouse. {@link #NONE}: no file at all ({@code read_csv('/etc/passwd')} is
 * refused). {@link #tables}: each named file (CSV, Parquet or JSON, chosen by its extension) is
 * read once into a temporary table of that name before the connection is locked; the SQL then reads
 * the table, and still no file.
 *
 * <p>Why files are copied in rather than allowed: DuckDB's {@code allowed_paths} and {@code
 * allowed_directories} allow writing as well as reading ({@code COPY … TO 'mine.csv' (USE_TMP_FILE
 * false)} overwrites an allowed CSV), so no directory of the user's is ever opened to the SQL.
 *
 * @param tables table name → file, in the order given
 */
public record FileAccess(Map<String, Path> tables) {
  /** No file access: the warehouse and nothing else. */
  public static final FileAccess NONE = new FileAccess(Map.of());

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public FileAccess {
    Map<String, Path> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : requireNonNull(tables, "tables is null").entrySet()) {
      String name = requireNonNull(e.getKey(), "table name is null");
      Path file = requireNonNull(e.getValue(), "file of " + name + " is null");
      if (!NAME.matcher(name).matches()) {
        throw bad(
            "table name '"
                + name
                + "' for "
                + file
                + " must be letters, digits and _ (not starting with a digit)");
      }
      for (String other : copy.keySet()) {
        if (other.equalsIgnoreCase(name)) {
          throw bad("table name '" + name + "' is given twice");
        }
      }
      copy.put(name, file);
    }
    tables = Collections.unmodifiableMap(copy);
  }

  /** Each {@code file} read into a temporary table {@code name}. */
  public static FileAccess tables(Map<String, Path> tables) {
    return new FileAccess(tables);
  }

  /**
   * Parses {@code NAME=FILE}, as {@code hyoka sql --table} takes it.
   *
   * @throws HyokaException BAD_ARGUMENT when there is no {@code =} or no name
   */
  public static Map.Entry<String, Path> parseTable(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw bad("'" + spec + "' is not NAME=FILE (e.g. budget=budget-2019.csv)");
    }
    return Map.entry(spec.substring(0, eq).strip(), Path.of(spec.substring(eq + 1)));
  }

  /** The DuckDB reader for a file, by its extension: CSV unless it names Parquet or JSON. */
  static String reader(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return "read_parquet";
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return "read_json";
    }
    return "read_csv";
  }

  /** The file, checked before DuckDB opens it: a FIFO or a device would block or never end. */
  static Path checkedFile(String name, Path file) {
    if (!Files.isRegularFile(file)) {
      throw bad(
          "table "
              + name
              + ": "
              + file
              + (Files.exists(file) ? " is not a regular file" : " does not exist"));
    }
    if (!Files.isReadable(file)) {
      throw bad("table " + name + ": " + file + " is not readable");
    }
    return file.toAbsolutePath();
  }

  private static HyokaException bad(String message) {
    return new HyokaException(ErrorCode.BAD_ARGUMENT, message);
  }
}
