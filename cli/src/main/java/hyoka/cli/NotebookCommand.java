package hyoka.cli;

import hyoka.notebooks.HyokaKernel;
import hyoka.notebooks.KernelSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hyoka notebook}: the Jupyter kernel that runs hyoka's notebooks. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description =
        "Jupyter support: install the hyoka kernelspec, or run the kernel (Jupyter does).",
    subcommands = {NotebookCommand.Install.class, NotebookCommand.Kernel.class})
final class NotebookCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code hyoka notebook install}: writes kernels/hyoka/kernel.json for Jupyter. */
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Write the hyoka kernelspec so `jupyter notebook notebooks/` offers the hyoka kernel.",
        "Default location: $JUPYTER_DATA_DIR or ~/.local/share/jupyter (as `jupyter kernelspec"
            + " install --user`)."
      })
  static final class Install implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--jupyter-dir",
        paramLabel = "DIR",
        description = "Jupyter data directory to write kernels/hyoka/ into.")
    Path jupyterDir;

    @Option(
        names = "--jar",
        paramLabel = "JAR",
        description = "hyoka.jar the kernel runs (default: the jar this command runs from).")
    Path jar;

    @Override
    public Integer call() throws IOException {
      Path target = jupyterDir != null ? jupyterDir : defaultJupyterDir();
      Path hyokaJar = (jar != null ? jar : runningJar()).toAbsolutePath();
      List<String> argv = new ArrayList<>();
      argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // The shaded jar is one unnamed module: naming Arrow's module would only warn.
      argv.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
      argv.add("-Dfile.encoding=UTF-8");
      argv.add("-Djava.awt.headless=true");
      argv.add("-jar");
      argv.add(hyokaJar.toString());
      argv.add("notebook");
      argv.add("kernel");
      Path file;
      try {
        file = KernelSpec.install(target, argv);
      } catch (java.io.UncheckedIOException e) {
        // the folder named (or Jupyter's default) cannot take it: the user's to fix, exit 2
        throw new hyoka.transform.HyokaException(
            hyoka.transform.ErrorCode.BAD_ARGUMENT,
            "cannot install the kernelspec into " + target + ": " + e.getMessage(),
            e);
      }
      spec.commandLine().getOut().println("installed kernelspec " + file);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }

    private static Path defaultJupyterDir() {
      String env = System.getenv("JUPYTER_DATA_DIR");
      if (env != null && !env.isBlank()) {
        return Path.of(env);
      }
      return Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
    }

    private static Path runningJar() {
      try {
        Path p =
            Path.of(
                NotebookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(p)) {
          return p;
        }
      } catch (URISyntaxException | SecurityException e) {
        // fall through to the message below
      }
      throw new hyoka.transform.HyokaException(
          hyoka.transform.ErrorCode.BAD_ARGUMENT,
          "not running from hyoka.jar: pass --jar cli/target/hyoka.jar");
    }
  }

  /** {@code hyoka notebook kernel CONNECTION_FILE}: what Jupyter starts. */
  @Command(
      name = "kernel",
      mixinStandardHelpOptions = true,
      description = "Serve a Jupyter connection (started by Jupyter from the kernelspec).")
  static final class Kernel implements Callable<Integer> {
    @Option(
        names = "--data",
        paramLabel = "DIR",
        defaultValue = "hyoka-data",
        description =
            "Data directory the notebooks start on unless $HYOKA_DATA is set; a relative path is looked up from the notebook's folder upward (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Parameters(paramLabel = "CONNECTION_FILE", description = "Jupyter's connection file.")
    Path connectionFile;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(connectionFile)) {
        throw new hyoka.transform.HyokaException(
            hyoka.transform.ErrorCode.BAD_ARGUMENT,
            "no connection file " + connectionFile + " (Jupyter starts the kernel with one)");
      }
      HyokaKernel.run(connectionFile, dataDir);
      return ExitCodes.OK;
    }
  }
}
