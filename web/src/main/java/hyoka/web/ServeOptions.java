package hyoka.web;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.MemoryLimit;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code hyoka serve} runs.
 *
 * @param dataDir the data directory (warehouse.duckdb, index/) to serve
 * @param bind the address to listen on; 127.0.0.1 unless told otherwise
 * @param port the TCP port; 0 picks a free one (tests)
 * @param pdfDirs folders to look in, by file name, for a report's PDF that is no longer at the path
 *     it was ingested from
 * @param sqlMaxRows the most rows the SQL page shows; a download may have up to 100 times as many
 * @param sqlTimeoutSeconds how long one SQL statement may run before it is stopped, in seconds
 * @param sqlMemoryLimit DuckDB's memory limit for the server's warehouse instance, which the SQL
 *     page's statements and the other pages' queries share
 */
public record ServeOptions(
    Path dataDir,
    String bind,
    int port,
    List<Path> pdfDirs,
    int sqlMaxRows,
    int sqlTimeoutSeconds,
    MemoryLimit sqlMemoryLimit) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_SQL_MAX_ROWS = 1000;
  public static final int DEFAULT_SQL_TIMEOUT_SECONDS = 10;

  /** Many times what the pages need; a query that needs more fails rather than starve the host. */
  public static final String DEFAULT_SQL_MEMORY_LIMIT = "1GB";

  /** A download (CSV or JSON) may hold this many times {@link #sqlMaxRows}. */
  /**
   * Characters of text the SQL page's table may hold (QueryLimits#maxChars): the row cap alone let
   * one row of {@code repeat('x', 100000000)} be 100 MB held, encoded and sent. 1,000 rows of the
   * widest table, {@code kpis}, 45 columns, are about 0.4 M (400 a row on the samples).
   */
  public static final long PAGE_MAX_CHARS = 8L << 20;

  /**
   * Characters of text a CSV or JSON download may hold: 100,000 rows of {@code kpis} (40 M) fit;
   * the download is held as rows, as text and as bytes at once, so this bounds its heap to a few
   * hundred MB.
   */
  public static final long DOWNLOAD_MAX_CHARS = 48L << 20;

  public static final int DOWNLOAD_FACTOR = 100;

  public ServeOptions {
    requireNonNull(dataDir, "dataDir is null");
    dataDir = dataDir.toAbsolutePath().normalize();
    bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind.strip();
    if (port < 0 || port > 65535) {
      throw new HyokaException(ErrorCode.BAD_ARGUMENT, "--port must be 0-65535, not " + port);
    }
    pdfDirs =
        requireNonNull(pdfDirs, "pdfDirs is null").stream()
            .map(p -> p.toAbsolutePath().normalize())
            .toList();
    if (sqlMaxRows < 1) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT, "--sql-max-rows must be at least 1, not " + sqlMaxRows);
    }
    if (sqlTimeoutSeconds < 1) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT,
          "--sql-timeout must be at least 1 (seconds), not " + sqlTimeoutSeconds);
    }
    requireNonNull(sqlMemoryLimit, "sqlMemoryLimit is null");
  }

  /** The defaults for {@code dataDir}: 127.0.0.1:8080, 1000 rows, 10 s, 1GB. */
  public static ServeOptions of(Path dataDir) {
    return new ServeOptions(
        dataDir,
        DEFAULT_BIND,
        DEFAULT_PORT,
        List.of(),
        DEFAULT_SQL_MAX_ROWS,
        DEFAULT_SQL_TIMEOUT_SECONDS,
        new MemoryLimit(DEFAULT_SQL_MEMORY_LIMIT));
  }

  public ServeOptions withPort(int p) {
    return new ServeOptions(
        dataDir, bind, p, pdfDirs, sqlMaxRows, sqlTimeoutSeconds, sqlMemoryLimit);
  }

  public ServeOptions withPdfDirs(List<Path> dirs) {
    return new ServeOptions(
        dataDir, bind, port, dirs, sqlMaxRows, sqlTimeoutSeconds, sqlMemoryLimit);
  }

  public ServeOptions withSqlLimits(int maxRows, int timeoutSeconds, MemoryLimit memory) {
    return new ServeOptions(dataDir, bind, port, pdfDirs, maxRows, timeoutSeconds, memory);
  }
}
