package hyoka.notebooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes hyoka's kernelspec in Jupyter's layout, {@code <jupyter data
 * dir>/kernels/hyoka/kernel.json}, so {@code jupyter notebook} and {@code jupyter nbconvert} can
 * start the kernel. The data dir is e.g. {@code ~/.local/share/jupyter} (what {@code jupyter
 * kernelspec install --user} uses) or any directory named in {@code JUPYTER_PATH}.
 */
public final class KernelSpec {
  /** The kernel name notebooks refer to (metadata.kernelspec.name). */
  public static final String NAME = "hyoka";

  private KernelSpec() {}

  /**
   * Writes (or overwrites) the kernelspec.
   *
   * @param jupyterDataDir a Jupyter data directory; its {@code kernels/hyoka/} is created
   * @param javaCommand the command that starts the kernel, without the connection file, e.g. {@code
   *     [java, -jar, /abs/hyoka.jar, notebook, kernel]}; Jupyter appends the file
   * @return the path of the written kernel.json
   */
  public static Path install(Path jupyterDataDir, List<String> javaCommand) {
    requireNonNull(jupyterDataDir, "jupyterDataDir is null");
    requireNonNull(javaCommand, "javaCommand is null");
    if (javaCommand.isEmpty()) {
      throw new IllegalArgumentException("javaCommand is empty");
    }
    JsonArray argv = new JsonArray();
    for (String a : javaCommand) {
      argv.add(requireNonNull(a, "javaCommand holds null"));
    }
    argv.add("{connection_file}");
    JsonObject spec = new JsonObject();
    spec.add("argv", argv);
    spec.addProperty("display_name", "hyoka (DuckDB SQL)");
    spec.addProperty("language", "sql");
    // Interrupts come as interrupt_request messages; a JVM has no SIGINT handler for them.
    spec.addProperty("interrupt_mode", "message");
    JsonObject metadata = new JsonObject();
    metadata.addProperty("debugger", false);
    spec.add("metadata", metadata);
    Path dir = jupyterDataDir.resolve("kernels").resolve(NAME);
    Path file = dir.resolve("kernel.json");
    try {
      Files.createDirectories(dir);
      Files.writeString(
          file,
          new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n",
          UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
