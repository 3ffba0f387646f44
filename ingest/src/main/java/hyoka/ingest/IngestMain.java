package hyoka.ingest;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare command line around {@link IngestRun} for the tests that fork an ingest and kill it
 * ({@code IngestCrashTest}); users run {@code hyoka ingest} from the cli module instead.
 *
 * <pre>
 * java -cp … hyoka.ingest.IngestMain --data DIR [--series NAME] [--runner direct] PATH…
 * </pre>
 *
 * Exit codes as the CLI's: 0 done, 1 files rejected, 2 input error, 3 internal error.
 */
public final class IngestMain {
  private IngestMain() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8)));
  }

  static int run(String[] args, PrintWriter out) {
    Path data = Path.of("hyoka-data");
    String series = null;
    String runner = "direct";
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--series" -> series = args[++i];
        case "--runner" -> runner = args[++i];
        default -> paths.add(Path.of(args[i]));
      }
    }
    try {
      IngestSummary summary =
          new IngestRun().run(new IngestRequest(data, paths, series, runner, out));
      return summary.rejected() > 0 ? 1 : 0;
    } catch (HyokaException e) {
      System.err.println("hyoka: " + e.getMessage());
      return e.code().type() == ErrorCode.Type.INPUT ? 2 : 3;
    }
  }
}
