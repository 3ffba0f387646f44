package hyoka.cli;

import hyoka.transform.ErrorCode;

/**
 * The exit codes of every hyoka command, documented in the README.
 *
 * <ul>
 *   <li>0: success
 *   <li>1: {@code ingest} rejected one or more files (the others were ingested)
 *   <li>2: bad usage or bad input: an unknown option, bad SQL or query, a locked data directory, no
 *       warehouse yet
 *   <li>3: internal error (a bug or an I/O failure of hyoka's own files)
 * </ul>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FILES_REJECTED = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  private ExitCodes() {}

  static int of(ErrorCode code) {
    return switch (code.type()) {
      case INPUT -> USAGE;
      case INTERNAL -> INTERNAL;
    };
  }
}
