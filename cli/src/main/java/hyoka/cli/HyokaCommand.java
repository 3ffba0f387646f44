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

  /** A command line writing to the given writers (tests pass StringWriters). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(new HyokaCommand()), out, err);
  }

  /**
   * The command line that runs {@code args}, writing to the process's stdout and stderr. picocli
   * builds the model of every subcommand (reflection over its options and their types) when a
   * command line is made, which is a large part of a short command's start; so when {@code args[0]}
   * names a subcommand, only that one is built, under a top command of the same name. Its parsing,
   * help, errors and exit codes are the same (CliTest compares them); anything else gets the full
   * command line.
   */
  public static CommandLine commandLineFor(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    return commandLineFor(args, out, new ProcessStderr());
  }

  /**
   * The process's stderr, told apart from a test's writer: only there may a command look for a
   * terminal (the ingest's status line).
   */
  static final class ProcessStderr extends PrintWriter {
    ProcessStderr() {
      super(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** {@link #commandLineFor(String...)} writing to the given writers. */
  static CommandLine commandLineFor(String[] args, PrintWriter out, PrintWriter err) {
    Class<?> only = args.length == 0 ? null : subcommand(args[0]);
    if (only == null) {
      return commandLine(out, err);
    }
    Command top = HyokaCommand.class.getAnnotation(Command.class);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(new HyokaCommand());
    spec.name(top.name()).version(top.version()).mixinStandardHelpOptions(true);
    CommandLine cl = new CommandLine(spec);
    cl.addSubcommand(new CommandLine(only));
    return configure(cl, out, err);
  }

  /** The subcommand class named {@code name}; null for none (or picocli's help command). */
  private static Class<?> subcommand(String name) {
    for (Class<?> c : HyokaCommand.class.getAnnotation(Command.class).subcommands()) {
      Command sub = c.getAnnotation(Command.class);
      if (c != CommandLine.HelpCommand.class && sub != null && sub.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
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
