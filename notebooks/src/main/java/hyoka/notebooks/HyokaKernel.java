package hyoka.notebooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * hyoka's Jupyter kernel: cells are DuckDB SQL against the warehouse or magics ({@code %data},
 * {@code %search}, {@code %chart}), see {@link NotebookSession}. Results come back as an HTML table
 * with a plain-text fallback, charts as PNG; a failing cell is a Jupyter error and the kernel goes
 * on.
 *
 * <p>Run it with {@link #run(Path, Path)} on the connection file Jupyter passes ({@code hyoka
 * notebook kernel {connection_file}}, as written by {@link KernelSpec#install}).
 */
public final class HyokaKernel extends BaseKernel {
  private static final int COMPLETION_WAIT_SECONDS = 5;
  private static final String SIMPLE_LOGGER_DEFAULT = "org.slf4j.simpleLogger.defaultLogLevel";

  private final NotebookSession session;
  // Cells run on their own thread: interrupting jjava's shell thread would stop its message loop
  // for good, while cancelling this one only ends the cell.
  private final ExecutorService cells =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "hyoka-cell");
            t.setDaemon(true);
            return t;
          });

  HyokaKernel(NotebookSession session) {
    super(
        "hyoka",
        "0.1.0",
        new LanguageInfo.Builder("sql")
            .mimetype("application/sql")
            .fileExtension(".sql")
            .pygments("sql")
            .codemirror("sql")
            .build(),
        List.of(),
        null,
        new JupyterIO(UTF_8),
        new CommManager(),
        new Renderer(),
        null,
        null,
        false,
        new StringStyler.Builder().build());
    this.session = session;
  }

  /**
   * Serves one Jupyter connection until the client shuts the kernel down.
   *
   * @param connectionFile the connection file Jupyter wrote ({connection_file} in kernel.json)
   * @param defaultDataDir the data directory notebooks start on unless {@code $HYOKA_DATA} is set;
   *     a relative path is looked up from the notebook's folder upward (see {@code %data})
   */
  public static void run(Path connectionFile, Path defaultDataDir) throws IOException {
    // jjava logs its loops at INFO through slf4j; on stderr that is noise in every nbconvert run.
    // The level must be set before the connection starts, as cells swap System.err.
    // JUL covers slf4j-jdk14; the cli jar logs through slf4j-simple, which reads its default level
    // from a system property when its first logger is made (a user's own setting wins). jjava's
    // loop loggers are named Loop-Shell-0 etc., outside any package, so only the default reaches
    // them. The kernel's JVM runs nothing else, so this is the kernel's own logging policy.
    Logger.getLogger("").setLevel(Level.WARNING);
    if (System.getProperty(SIMPLE_LOGGER_DEFAULT) == null) {
      System.setProperty(SIMPLE_LOGGER_DEFAULT, "warn");
    }
    Path cwd = Path.of("").toAbsolutePath();
    Path dataDir = DataDirs.initial(System.getenv(), defaultDataDir, cwd);
    HyokaKernel kernel = new HyokaKernel(new NotebookSession(dataDir, cwd));
    KernelConnectionProperties props =
        KernelConnectionProperties.parse(Files.readString(connectionFile, UTF_8));
    JupyterConnection connection;
    try {
      connection = new JupyterConnection(props);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          connectionFile + ": unusable signature scheme or key: " + e.getMessage(), e);
    }
    kernel.onStartup();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    try {
      connection.waitUntilClose();
    } finally {
      kernel.cells.shutdownNow();
      kernel.session.close();
      // jjava keeps the running kernel in a static field; a second kernel in the same JVM (tests)
      // may only start once this one has left it, even when the connection closed without a
      // shutdown_request.
      kernel.uninstallNotebookKernel();
    }
  }

  @Override
  public Object evalRaw(String code) {
    Future<CellOutput> f = cells.submit(() -> session.eval(code));
    CellOutput out;
    try {
      // Wait for the cell to really end, also when interrupted: a cell abandoned while it still
      // runs would hold up every later cell on the one cell thread.
      out = f.get();
    } catch (InterruptedException e) {
      session.cancel();
      Thread.currentThread().interrupt();
      throw new UsageError("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      // An Error escaping evalRaw would kill jjava's shell thread and hang the notebook.
      throw new IllegalStateException(String.valueOf(cause), cause);
    }
    return out == null ? null : toDisplayData(out);
  }

  static DisplayData toDisplayData(CellOutput out) {
    DisplayData d = new DisplayData(out.text());
    if (out.html() != null) {
      d.putHTML(out.html());
    }
    if (out.png() != null) {
      d.putData("image/png", Base64.getEncoder().encodeToString(out.png()));
    }
    return d;
  }

  @Override
  public void interrupt() {
    session.cancel();
  }

  @Override
  public void onShutdown(boolean restart) {
    cells.shutdownNow();
    session.close();
    super.onShutdown(restart);
  }

  /** The error text Jupyter shows: the message only; a JVM stack trace helps no notebook reader. */
  @Override
  public List<String> formatError(Throwable e) {
    List<String> lines = new ArrayList<>();
    String name = e.getClass().getSimpleName();
    String msg = e.getMessage() == null ? "" : e.getMessage();
    String[] parts = msg.split("\n", -1);
    lines.add(name + ": " + parts[0]);
    for (int i = 1; i < parts.length; i++) {
      lines.add(parts[i]);
    }
    return lines;
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return null;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    try {
      NotebookSession.Completion c =
          cells
              .submit(() -> session.complete(code, at))
              .get(COMPLETION_WAIT_SECONDS, TimeUnit.SECONDS);
      return new ReplacementOptions(c.matches(), c.start(), c.end());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      // Tab with no answer is better than an error popup while typing.
      return null;
    }
  }

  @Override
  public String isComplete(String code) {
    return IS_COMPLETE_YES;
  }

  @Override
  public String getBanner() {
    return "hyoka: DuckDB SQL over the KPI warehouse; %help lists the magics";
  }
}
