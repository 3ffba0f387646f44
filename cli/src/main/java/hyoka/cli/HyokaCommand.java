package hyoka.cli;

import hyoka.transform.HyokaException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code hyoka} command. Each subcommand is its own class and writes through the
 * command line's out/err writers, so tests run commands in-process and read both. The subcommands
 * are added in code ({@link #SUBCOMMANDS}), since {@code search}'s command line is built without
 * annotations ({@link SearchCommand}).
 */
@Command(
    name = HyokaCommand.NAME,
    mixinStandardHelpOptions = true,
    version = HyokaCommand.VERSION,
    description = "Pipeline and warehouse for Japanese municipal KPI evaluation reports (評価).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:ingest rejected one or more files (the others were ingested)",
      "2:bad usage or input (option, SQL, query, locked data directory)",
      "3:internal error"
    })
public final class HyokaCommand implements Runnable {
  static final String NAME = "hyoka";
  static final String VERSION = "hyoka 0.1.0";

  /** The subcommands, in the order the help lists them (picocli's help command last). */
  static final List<String> SUBCOMMANDS =
      List.of("ingest", "sql", "search", "export", "notebook", "serve", "bench");

  @Spec CommandSpec spec;

  /** What {@code hyoka sql} without a query reads statements from. */
  private final java.io.InputStream in;

  private HyokaCommand(java.io.InputStream in) {
    this.in = in;
  }

  java.io.InputStream in() {
    return in;
  }

  /**
   * Whether input may come from a terminal a person types at (not a pipe or a test's stream). On
   * Java 17, the project's Java, a console exists only when stdin and stdout are terminals; newer
   * JDKs always give one, and {@code hyoka sql} then also checks what terminal JLine finds.
   */
  @SuppressWarnings("SystemConsoleNull")
  boolean interactive() {
    return in == System.in && System.console() != null;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * One line on stderr and the exit code: an input error's message (exit 2), or what went wrong
   * inside hyoka (exit 3). The stack trace only with HYOKA_TRACE=1 in the environment, for a bug
   * report: a researcher reads the line.
   */
  private static int report(PrintWriter err, Throwable ex) {
    if (ex instanceof HyokaException he) {
      err.println("hyoka: " + he.getMessage());
      err.flush();
      return ExitCodes.of(he.code());
    }
    String what =
        ex instanceof StackOverflowError
            ? "stack overflow"
            : ex instanceof OutOfMemoryError
                ? "out of memory (" + ex.getMessage() + ")"
                : ex.toString();
    err.println(
        "hyoka: internal error: " + what.replaceAll("\\R", " ") + " (HYOKA_TRACE=1 shows where)");
    if ("1".equals(System.getenv("HYOKA_TRACE"))) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /**
   * A bad option or argument: one line, as every error, with picocli's suggestion and where the
   * help is, instead of picocli's message followed by the whole usage text.
   */
  private static int usageError(CommandLine.ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    StringBuilder m = new StringBuilder(ex.getMessage().replaceAll("\\R", " ").strip());
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      m.append("; did you mean ").append(String.join(" or ", u.getSuggestions())).append('?');
    }
    m.append(" (").append(c.getCommandSpec().qualifiedName()).append(" --help shows the usage)");
    c.getErr().println("hyoka: " + m);
    c.getErr().flush();
    return ExitCodes.USAGE;
  }

  /** A command line writing to the given writers (tests pass StringWriters). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(System.in, out, err);
  }

  /** A command line reading {@code in} (the {@code hyoka sql} prompt) and writing out and err. */
  public static CommandLine commandLine(java.io.InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new HyokaCommand(in));
    for (String name : SUBCOMMANDS) {
      cl.addSubcommand(name, subcommand(name));
    }
    cl.addSubcommand(new CommandLine.HelpCommand());
    return configure(cl, out, err);
  }

  /**
   * The command line that runs {@code args}, reading the process's stdin and writing to its stdout
   * and stderr. picocli builds the model of every subcommand (reflection over its options and their
   * types) when a command line is made, which is a large part of a short command's start; so when
   * {@code args[0]} names a subcommand, only that one is built, under a top command of the same
   * name. Its parsing, help, errors and exit codes are the same (CliTest compares them); anything
   * else gets the full command line.
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
    if (args.length == 0 || !SUBCOMMANDS.contains(args[0])) {
      return commandLine(out, err);
    }
    // the top command in code too: reading its annotation would start the JDK's annotation
    // machinery, which hyoka search otherwise never needs
    CommandSpec spec = CommandSpec.wrapWithoutInspection(new HyokaCommand(System.in));
    spec.name(NAME).version(VERSION);
    addHelpOptions(spec);
    CommandLine cl = new CommandLine(spec);
    cl.addSubcommand(args[0], subcommand(args[0]));
    return configure(cl, out, err);
  }

  /**
   * The command line of the subcommand {@code name} (one of {@link #SUBCOMMANDS}). Named here
   * rather than looked up in annotations, which parsed the annotations of all seven classes at
   * every start (≈ 6 ms of CPU); CliTest checks that each subcommand is found.
   */
  private static CommandLine subcommand(String name) {
    return switch (name) {
      case "ingest" -> new CommandLine(IngestCommand.class);
      case "sql" -> new CommandLine(SqlCommand.class);
      case "search" -> SearchCommand.commandLine();
      case "export" -> new CommandLine(ExportCommand.class);
      case "notebook" -> new CommandLine(NotebookCommand.class);
      case "serve" -> new CommandLine(ServeCommand.class);
      case "bench" -> new CommandLine(BenchCommand.class);
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  /**
   * picocli's {@code -h, --help} and {@code -V, --version}, as {@code mixinStandardHelpOptions}
   * adds them, for a command built in code (that mixin is read from annotations).
   */
  static void addHelpOptions(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }

  private static void inheritVersion(CommandLine cl, String[] version) {
    if (cl.getCommandSpec().version().length == 0) {
      cl.getCommandSpec().version(version);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      inheritVersion(sub, version);
    }
  }

  private static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // every help lists -V: a subcommand's printed nothing without the version of hyoka's own
    for (CommandLine sub : cl.getSubcommands().values()) {
      inheritVersion(sub, cl.getCommandSpec().version());
    }
    cl.setParameterExceptionHandler(new Handlers());
    CommandLine ingest = cl.getSubcommands().get("ingest");
    if (ingest != null) {
      IngestCommand.listLayoutsInHelp(ingest);
    }
    cl.setExecutionExceptionHandler(new Handlers());
    cl.setExecutionStrategy(new Handlers());
    return cl;
  }

  /**
   * The command line's handlers: a usage error, an exception of a command, and the execution
   * itself, so that an Error (a stack overflow, memory running out), which is no Exception and
   * would pass picocli's exception handler, also ends in one line: otherwise the JVM would print
   * its trace and exit 1, the code that means rejected files.
   *
   * <p>A class, not lambdas: picocli's class files are of Java 5, and the JDK's class archive (the
   * launcher's AppCDS) skips such an interface once a lambda made it link at dump time ("Old class
   * has been linked"), and the classes that use it with it, so every start read, verified and
   * linked those seven classes from the jar again.
   */
  private static final class Handlers
      implements CommandLine.IParameterExceptionHandler,
          CommandLine.IExecutionExceptionHandler,
          CommandLine.IExecutionStrategy {
    private final CommandLine.IExecutionStrategy run = new CommandLine.RunLast();

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      return usageError(ex);
    }

    @Override
    public int handleExecutionException(
        Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      return report(commandLine.getErr(), ex);
    }

    @Override
    public int execute(CommandLine.ParseResult parseResult) {
      try {
        return run.execute(parseResult);
      } catch (StackOverflowError | OutOfMemoryError e) {
        return report(parseResult.commandSpec().commandLine().getErr(), e);
      }
    }
  }
}
