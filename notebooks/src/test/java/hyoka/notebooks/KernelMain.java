package hyoka.notebooks;

import java.nio.file.Path;

/**
 * Starts the kernel from the test classpath ({@code java -cp … hyoka.notebooks.KernelMain
 * CONNECTION_FILE}), so the notebook tests need no shaded jar. Users start it through {@code hyoka
 * notebook kernel}.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: KernelMain CONNECTION_FILE");
    }
    HyokaKernel.run(Path.of(args[0]), Path.of("hyoka-data"));
  }
}
