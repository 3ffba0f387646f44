package org.duckdb;

/**
 * hyoka.jar's stand-in for the DuckDB driver's class of the same name, which the shade build leaves
 * out of the driver's jar (cli/pom.xml).
 *
 * <p>The driver's own class, when the JVM has JFR, makes the driver's static initialiser register a
 * periodic JFR event ({@code jdk.jfr.FlightRecorder.addPeriodicEvent}). That starts JFR's machinery
 * and instruments the event class, which costs 55–70 ms of a {@code hyoka sql}'s 0.27 s even with a
 * class archive (docs/performance.md, "Cold start"), on every start, whether or not a recording
 * ever runs. The event reports a DuckDB instance's memory only for a connection opened with the
 * {@code jdbc_jfr_memory_monitor} property, which hyoka never sets. There is no driver setting that
 * skips the registration, so this class keeps the driver's three calls and does nothing for them:
 * no DuckDB memory events in JFR recordings of hyoka.jar.
 *
 * <p>The signatures are those of duckdb_jdbc 2.0.0.1; a driver that calls others fails at its first
 * connection, which every packaged-jar test makes (PackagedJarIT).
 */
final class JfrMemoryMonitor {
  private JfrMemoryMonitor() {}

  /** Called by the driver's static initialiser: registers nothing. */
  static void init() {}

  /** Called for a connection opened with a monitor name: not tracked. */
  static void connectionOpened(DuckDBConnection connection) {}

  /** Called when a database closes: nothing was tracked. */
  static void connectionClosed(long databaseAddress) {}
}
