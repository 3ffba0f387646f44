package hyoka.web;

import com.google.gson.Gson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before a request reaches the routes (a URL longer than {@link
 * #MAX_REQUEST_HEADER}, an ambiguous path such as {@code /static/%2e%2e/}): one line of JSON as the
 * API's own errors, where Jetty's default is an HTML page.
 */
final class JettyErrors extends ErrorHandler {
  /**
   * Bytes of the request line and headers the server reads: the pages keep their whole state in the
   * URL, and Jetty's default of 8 KiB refused a SQL query of about 900 Japanese characters (9 bytes
   * each once percent-encoded) from the SQL page with an HTML "414 URI Too Long".
   */
  static final int MAX_REQUEST_HEADER = 64 * 1024;

  private final Gson gson = new Gson();

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback cb) {
    String error =
        switch (code) {
          case 414, 431 ->
              "the request is longer than the server reads ("
                  + MAX_REQUEST_HEADER / 1024
                  + " KiB of URL and headers): shorten the query (hyoka sql and hyoka search have"
                  + " no such limit)";
          default ->
              (message == null || message.isBlank() ? "HTTP " + code : message)
                  .toLowerCase(Locale.ROOT)
                  .replaceAll("[\\r\\n]+", " ");
        };
    Map<String, String> json = new LinkedHashMap<>();
    json.put("error", error);
    json.put("code", code == 414 || code == 431 ? "too_long" : "bad_request");
    String body = gson.toJson(json);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), cb);
  }
}
