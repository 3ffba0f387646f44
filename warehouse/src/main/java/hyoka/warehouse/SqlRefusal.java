package hyoka.warehouse;

import java.util.Optional;

/**
 * What DuckDB's refusals on the locked-down read-only connection ({@link
 * Warehouse#openReadOnly(FileAccess)}) mean, worded once for both places a researcher types SQL:
 * {@code hyoka sql} and hyoka serve's SQL page. A refused statement reads {@code refused: <hint>:
 * <DuckDB's first line>}; a message that is no refusal is DuckDB's first line alone.
 */
public enum SqlRefusal {
  /**
   * {@code enable_external_access} is off: no file read or written, ATTACHed, INSTALLed, LOADed.
   */
  FILE_ACCESS,
  /** {@code lock_configuration} is on: no SET, RESET or setting PRAGMA. */
  SETTINGS,
  /** The database is opened read-only: no CREATE (but of temporary objects), INSERT, DELETE, … */
  READ_ONLY;

  /**
   * Where the SQL was typed.
   *
   * @param name how the hint names it
   * @param fileAdvice what to do instead of reading a file there; null where there is no way
   */
  public record Surface(String name, String fileAdvice) {}

  /** {@code hyoka sql}, where {@code --table} reads a file into a temporary table. */
  public static final Surface SQL_COMMAND =
      new Surface("hyoka sql", "to read a file, name it with --table NAME=FILE");

  /** hyoka serve's SQL page. */
  public static final Surface SQL_PAGE = new Surface("the SQL page", null);

  /** The refusal DuckDB's message says, if it is one. */
  public static Optional<SqlRefusal> of(String message) {
    String m = firstLine(message);
    if (m.contains("disabled by configuration")
        || m.contains("disabled through configuration")
        || m.startsWith("Permission Error") && m.contains("disabled")) {
      return Optional.of(FILE_ACCESS);
    }
    if (m.contains("configuration has been locked")) {
      return Optional.of(SETTINGS);
    }
    if (m.contains("read-only mode")) {
      return Optional.of(READ_ONLY);
    }
    return Optional.empty();
  }

  /** What this refusal means on {@code surface}. */
  public String hint(Surface surface) {
    return switch (this) {
      case FILE_ACCESS ->
          surface.name()
              + " has no file access (it reads only the warehouse"
              + (surface.fileAdvice() == null ? "" : "; " + surface.fileAdvice())
              + ")";
      case SETTINGS -> "settings are locked on hyoka's read-only connection and cannot be changed";
      case READ_ONLY -> "the warehouse is read-only here";
    };
  }

  /** DuckDB's first line, after {@code refused: <hint>: } when it is a refusal. */
  public static String explain(String message, Surface surface) {
    String m = firstLine(message);
    return of(m).map(r -> "refused: " + r.hint(surface) + ": " + m).orElse(m);
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
