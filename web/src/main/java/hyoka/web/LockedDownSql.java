package hyoka.web;

import java.util.Properties;

/**
 * The DuckDB settings of every connection hyoka serve opens: read-only, and no file access at all.
 * With {@code enable_external_access=false} DuckDB itself refuses {@code read_csv('/etc/passwd')},
 * {@code COPY … TO}, {@code ATTACH}, {@code glob()} and extension installs; {@code
 * lock_configuration=true} keeps a statement from turning any of it back on with {@code SET}.
 *
 * <p>Until the warehouse module's locked-down read-only connection (branch {@code sqlsafe}) is on
 * main, this is the one place these settings live; it is meant to be replaced by that API.
 */
final class LockedDownSql {
  private LockedDownSql() {}

  /** Properties for {@code DriverManager.getConnection("jdbc:duckdb:" + file, …)}. */
  static Properties properties() {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    // Each snapshot is its own database instance: a cached one could be of the replaced file.
    p.setProperty("jdbc_instance_cache", "false");
    p.setProperty("enable_external_access", "false");
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("autoload_known_extensions", "false");
    p.setProperty("allow_community_extensions", "false");
    // One runaway query must not take the machine's memory; DuckDB says so when it hits this.
    p.setProperty("memory_limit", "2GB");
    p.setProperty("lock_configuration", "true");
    return p;
  }
}
