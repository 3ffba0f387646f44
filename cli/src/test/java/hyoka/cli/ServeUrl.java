package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The address a {@code hyoka serve} run in a test prints once it answers. */
final class ServeUrl {
  private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");

  private ServeUrl() {}

  /**
   * Waits up to a minute for {@code out} to name the served address and returns it ({@code
   * http://127.0.0.1:PORT/}); fails the test with both streams otherwise.
   */
  static String await(StringWriter out, StringWriter err) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Matcher m = URL.matcher(out.toString());
    while (System.nanoTime() < deadline && !m.find()) {
      Thread.sleep(50);
      m = URL.matcher(out.toString());
    }
    assertThat(m.find(0)).as(out + " / " + err).isTrue();
    return m.group(1);
  }
}
