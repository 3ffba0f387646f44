package hyoka.transform;

import static java.util.Objects.requireNonNull;

/** The one exception type of hyoka: an {@link ErrorCode} and a one-line message. */
public final class HyokaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public HyokaException(ErrorCode code, String message) {
    super(requireNonNull(message, "message is null"));
    this.code = requireNonNull(code, "code is null");
  }

  public HyokaException(ErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.code = requireNonNull(code, "code is null");
  }

  public ErrorCode code() {
    return code;
  }
}
