package hyoka.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A small HTTP client for the API tests (and a raw socket for headers HttpClient will not set). */
final class Http {
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  Http(WebServer server) {
    this.base = server.url().replaceAll("/$", "");
  }

  record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
    JsonElement json() {
      return JsonParser.parseString(body);
    }

    String header(String name) {
      return headers
          .getOrDefault(name.toLowerCase(java.util.Locale.ROOT), java.util.List.of(""))
          .get(0);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  Answer get(String pathAndQuery, String... headers) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers().map());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request of another method than GET, with no body. */
  Answer send(String method, String pathAndQuery) {
    try {
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(base + pathAndQuery))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build();
      HttpResponse<byte[]> a = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          a.statusCode(), new String(a.body(), StandardCharsets.UTF_8), a.headers().map());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A field of the first report /api/reports lists. */
  String firstReport(String field) {
    return get("/api/reports")
        .json()
        .getAsJsonObject()
        .getAsJsonArray("reports")
        .get(0)
        .getAsJsonObject()
        .get(field)
        .getAsString();
  }

  byte[] bytes(String pathAndQuery) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray())
          .body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request with exactly this Host header, over a plain socket; the status line and body. */
  static String rawGet(int port, String path, String host) throws IOException {
    try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
