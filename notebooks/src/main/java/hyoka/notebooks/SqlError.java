package hyoka.notebooks;

/**
 * A cell's SQL failed in DuckDB; Jupyter shows it as an error named SqlError with DuckDB's text.
 */
final class SqlError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SqlError(String message, Throwable cause) {
    super(message, cause);
  }
}
