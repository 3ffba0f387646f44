package hyoka.cli;

import hyoka.transform.HyokaException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code hyoka} command. Each subcommand is its own class and writes through the
 * command line's out/err writers, so tests run commands in-process and read both.
 */
@Command(
    name = "hyoka",
    mixinStandardHelpOptions = true,
    version = "hyoka 0.1.0",
    description = "Pipeline and warehouse for Japanese municipal KPI evaluation reports (評価).",
    subcommands = {
      IngestCommand.class,
      SqlCommand.class,
      SearchCommand.class,
      ExportCommand.class,
      NotebookCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:ingest rejected one or more files (the others were ingested)",
      "2:bad usage or input (option, SQL, query, locked data directory)",
      "3:internal error"
    })
public final class HyokaCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line with hyoka's error handling, writing to the process's stdout and stderr. */
  public static CommandLine commandLine() {
    return commandLine(
        new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A command line writing to the given writers (tests pass StringWriters). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new HyokaCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof HyokaException he) {
            e.println("hyoka: " + he.getMessage());
            e.flush();
            return ExitCodes.of(he.code());
          }
          e.println("hyoka: internal error: " + ex);
          ex.printStackTrace(e);
          e.flush();
          return ExitCodes.INTERNAL;
        });
    return cl;
  }
}
