package hyoka.cli;

import hyoka.warehouse.MemoryLimit;
import hyoka.warehouse.Warehouse;
import hyoka.web.ServeOptions;
import hyoka.web.WebServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hyoka serve}: the local web app (hyoka.web.WebServer) until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web app over the data directory: search, KPI charts by project, reports, the PDF"
          + " page behind every value, and read-only SQL. Keeps answering while an ingest runs and"
          + " switches to each new publish on its own. Stop it with Ctrl-C.",
      "Binds to 127.0.0.1 unless --bind says otherwise; requests from other sites are refused."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + ServeOptions.DEFAULT_PORT,
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = ServeOptions.DEFAULT_BIND,
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another address"
              + " makes the reports readable from the network.")
  String bind;

  @Option(
      names = "--pdf-dir",
      paramLabel = "DIR",
      description =
          "A folder to look in, by file name, for report PDFs moved since they were ingested"
              + " (repeatable). A file is shown only when its sha256 is the report's.")
  List<Path> pdfDirs = new ArrayList<>();

  @Option(
      names = "--sql-max-rows",
      paramLabel = "N",
      defaultValue = "" + ServeOptions.DEFAULT_SQL_MAX_ROWS,
      description =
          "Rows the SQL page shows at most (default: ${DEFAULT-VALUE}); a CSV/JSON download"
              + " holds up to "
              + ServeOptions.DOWNLOAD_FACTOR
              + " times as many.")
  int sqlMaxRows;

  @Option(
      names = "--sql-timeout",
      paramLabel = "SECONDS",
      defaultValue = "" + ServeOptions.DEFAULT_SQL_TIMEOUT_SECONDS,
      description = "Time limit of one SQL statement, in seconds (default: ${DEFAULT-VALUE}).")
  int sqlTimeoutSeconds;

  @Option(
      names = "--sql-memory-limit",
      paramLabel = "SIZE",
      defaultValue = ServeOptions.DEFAULT_SQL_MEMORY_LIMIT,
      description =
          "DuckDB's memory limit for the server's warehouse, shared by the SQL page and the other"
              + " pages, such as 1GB, 512MiB or 25%% (default: ${DEFAULT-VALUE}). A query that needs"
              + " more fails with DuckDB's out-of-memory error.")
  String sqlMemoryLimit;

  @Override
  public Integer call() throws InterruptedException {
    ServeOptions options =
        new ServeOptions(
            data.dataDir,
            bind,
            port,
            pdfDirs,
            sqlMaxRows,
            sqlTimeoutSeconds,
            new MemoryLimit(sqlMemoryLimit));
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    WebServer server = WebServer.start(options);
    // Ctrl-C runs the shutdown hooks, and the JVM halts as soon as they end: so the hook waits
    // until this thread has stopped serving and closed the warehouse and the index.
    Thread hook =
        new Thread(
            () -> {
              stopped.countDown();
              try {
                closed.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "hyoka-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      var out = spec.commandLine().getOut();
      out.println("hyoka: serving " + options.dataDir() + " at " + server.url());
      if (!new Warehouse(options.dataDir()).exists()) {
        out.println(
            "hyoka: nothing ingested in "
                + options.dataDir()
                + " yet: run hyoka ingest; the pages show it once it is published");
      }
      out.println("hyoka: press Ctrl-C to stop");
      out.flush();
      stopped.await();
    } finally {
      try {
        server.close();
      } finally {
        closed.countDown();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running
      }
    }
    return ExitCodes.OK;
  }
}
