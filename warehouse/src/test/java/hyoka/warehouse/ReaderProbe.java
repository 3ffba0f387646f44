package hyoka.warehouse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link CrossProcessReadTest}: it opens the warehouse read-only again and
 * again, printing the number of reports and runs it sees (or the error), until a line arrives on
 * stdin.
 */
public final class ReaderProbe {
  private ReaderProbe() {}

  public static void main(String[] args) throws Exception {
    Warehouse w = new Warehouse(Path.of(args[0]));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    do {
      try {
        QueryResult r =
            w.query(
                "SELECT (SELECT count(*) FROM reports) || '/' || (SELECT count(*) FROM runs) AS n");
        System.out.println(r.get(0, "n"));
      } catch (RuntimeException e) {
        System.out.println("ERROR " + e.getMessage());
      }
      System.out.flush();
    } while (!in.ready());
  }
}
