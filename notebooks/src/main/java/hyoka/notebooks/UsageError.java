package hyoka.notebooks;

/**
 * A cell asked for something that cannot be done as written: an unknown magic, a bad option, a data
 * directory without a warehouse. Jupyter shows it as an error named UsageError.
 */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }

  UsageError(String message, Throwable cause) {
    super(message, cause);
  }
}
