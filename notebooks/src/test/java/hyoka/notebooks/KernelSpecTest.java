package hyoka.notebooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
  @TempDir Path tmp;

  @Test
  void writesKernelJsonInJupyterLayout() throws Exception {
    Path file =
        KernelSpec.install(
            tmp, List.of("java", "-jar", "/opt/hyoka/hyoka.jar", "notebook", "kernel"));

    assertThat(file).isEqualTo(tmp.resolve("kernels/hyoka/kernel.json"));
    JsonObject spec = JsonParser.parseString(Files.readString(file, UTF_8)).getAsJsonObject();
    assertThat(spec.getAsJsonArray("argv").toString())
        .isEqualTo(
            "[\"java\",\"-jar\",\"/opt/hyoka/hyoka.jar\",\"notebook\",\"kernel\",\"{connection_file}\"]");
    assertThat(spec.get("language").getAsString()).isEqualTo("sql");
    assertThat(spec.get("interrupt_mode").getAsString()).isEqualTo("message");
    assertThat(spec.get("display_name").getAsString()).isEqualTo("hyoka (DuckDB SQL)");
  }

  @Test
  void installingAgainOverwrites() {
    KernelSpec.install(tmp, List.of("old"));
    Path file = KernelSpec.install(tmp, List.of("new"));
    assertThat(file).content(UTF_8).contains("\"new\"").doesNotContain("\"old\"");
  }

  @Test
  void jupyterFindsTheKernelThroughJupyterPath() throws Exception {
    assumeThat(Path.of("/usr/bin/jupyter"))
        .as("Debian's jupyter (jupyter-client) is installed")
        .exists();
    KernelSpec.install(tmp, List.of("java", "-cp", "x", "hyoka.notebooks.KernelMain"));
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/jupyter", "kernelspec", "list", "--json");
    pb.environment().put("JUPYTER_PATH", tmp.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    JsonObject specs = JsonParser.parseString(out).getAsJsonObject().getAsJsonObject("kernelspecs");
    JsonObject hyoka = specs.getAsJsonObject("hyoka");
    assertThat(Path.of(hyoka.get("resource_dir").getAsString()).toRealPath())
        .isEqualTo(tmp.resolve("kernels/hyoka").toRealPath());
    assertThat(hyoka.getAsJsonObject("spec").get("language").getAsString()).isEqualTo("sql");
  }

  @Test
  void rejectsAnEmptyCommand() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KernelSpec.install(tmp, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("javaCommand is empty");
  }
}
