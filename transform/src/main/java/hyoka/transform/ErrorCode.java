package hyoka.transform;

/**
 * Every failure hyoka reports, split into problems with the user's input (a bad file, a bad query,
 * a locked data directory) and problems of hyoka itself. The CLI maps the two types to distinct
 * exit codes.
 */
public enum ErrorCode {
  NOT_A_PDF(Type.INPUT),
  EMPTY_FILE(Type.INPUT),
  TRUNCATED_PDF(Type.INPUT),
  DAMAGED_PDF(Type.INPUT),
  FILE_TOO_LARGE(Type.INPUT),
  LIMIT_EXCEEDED(Type.INPUT),
  READER_CRASHED(Type.INPUT),
  ENCRYPTED_PDF(Type.INPUT),
  NO_TEXT_LAYER(Type.INPUT),
  NOT_A_REPORT(Type.INPUT),
  UNREADABLE_FILE(Type.INPUT),
  BAD_QUERY(Type.INPUT),
  BAD_ARGUMENT(Type.INPUT),
  DATA_DIR_LOCKED(Type.INPUT),
  NO_WAREHOUSE(Type.INPUT),
  /** Data written by another version of hyoka that the next ingest rebuilds. */
  INDEX_OUTDATED(Type.INPUT),
  INTERNAL_ERROR(Type.INTERNAL),
  WAREHOUSE_ERROR(Type.INTERNAL),
  INDEX_ERROR(Type.INTERNAL);

  /** Whether the user can fix the problem by changing what they passed in. */
  public enum Type {
    INPUT,
    INTERNAL
  }

  private final Type type;

  ErrorCode(Type type) {
    this.type = type;
  }

  public Type type() {
    return type;
  }

  /** Lower-case name used in messages and dead-letter records, e.g. {@code not_a_pdf}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
