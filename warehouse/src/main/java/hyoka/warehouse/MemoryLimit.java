package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * DuckDB's {@code memory_limit} for the database instance of a {@link
 * Warehouse#openReadOnly(FileAccess, MemoryLimit) read-only connection}, in DuckDB's own syntax:
 * {@code 1GB}, {@code 512MiB}, {@code 25%}. It can only be set when the instance is opened, because
 * the connection's configuration is locked; without one DuckDB takes 80% of the machine's memory.
 * The connection has no temporary directory, so a query that needs more fails with DuckDB's {@code
 * Out of Memory Error} instead of spilling to disk.
 *
 * <p>Checked by DuckDB itself when made (an in-memory instance opened with it), so a bad value is
 * refused when a server starts rather than at its first request.
 *
 * @param setting the value as DuckDB's {@code memory_limit} takes it
 */
public record MemoryLimit(String setting) {
  public MemoryLimit {
    setting = requireNonNull(setting, "setting is null").strip();
    Properties props = new Properties();
    props.setProperty("memory_limit", setting);
    props.setProperty("jdbc_instance_cache", "false");
    DuckDbLibrary.check();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:", props)) {
      // opened: DuckDB took the value
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT,
          "'"
              + setting
              + "' is not a DuckDB memory limit such as 1GB, 512MiB or 25%: "
              + Warehouse.oneLine(e.getMessage()),
          e);
    }
  }

  @Override
  public String toString() {
    return setting;
  }
}
