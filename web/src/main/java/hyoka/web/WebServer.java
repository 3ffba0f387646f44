package hyoka.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.QueryLimits;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.ResultFormat;
import hyoka.warehouse.SqlValues;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinGson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code hyoka serve}: the web app over a data directory (docs/web.md). The pages are one static
 * HTML shell and a small script that renders what the JSON API returns, with the whole query in the
 * URL; texts reach the page only as DOM text, never as markup.
 */
public final class WebServer implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebServer.class);
  private static final String SHELL = "/hyoka/web/static/app.html";
  private static final List<String> PAGES =
      List.of("/", "/search", "/project", "/projects", "/report", "/reports", "/page", "/sql");

  private static final TypeAdapter<BigDecimal> PLAIN_DECIMAL =
      new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, BigDecimal value) throws IOException {
          if (value == null) {
            out.nullValue();
          } else {
            out.jsonValue(value.toPlainString());
          }
        }

        @Override
        public BigDecimal read(JsonReader in) throws IOException {
          return new BigDecimal(in.nextString());
        }
      };

  /** A double as {@link SqlValues#json} gives it: its plain text, or "NaN" as a string. */
  private static final TypeAdapter<Double> PLAIN_DOUBLE =
      new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Double value) throws IOException {
          Object j = SqlValues.json(value);
          if (j == null) {
            out.nullValue();
          } else if (j instanceof BigDecimal d) {
            out.jsonValue(d.toPlainString());
          } else {
            out.value(j.toString());
          }
        }

        @Override
        public Double read(JsonReader in) throws IOException {
          return in.nextDouble();
        }
      };

  private final ServeOptions options;
  private final PublishedState state;
  private final PdfPages pdfs;
  private final Gson gson =
      new GsonBuilder()
          .serializeNulls()
          .disableHtmlEscaping()
          // numbers in their plain text, as hyoka sql --format json writes them (SqlValues.json):
          // Gson's own adapters write 1E-7 for a BigDecimal 0.0000001 and 100.0 for a double 100,
          // which the search hits' scores would still be, beside the project page's 100
          .registerTypeAdapter(BigDecimal.class, PLAIN_DECIMAL)
          .registerTypeAdapter(Double.class, PLAIN_DOUBLE)
          .registerTypeAdapter(double.class, PLAIN_DOUBLE)
          .create();
  private final byte[] shell;
  private final Javalin app;
  private volatile RequestGuard guard;

  /**
   * SQL queries run at once; the others wait for a slot (as long as a query may run, then 503).
   * Each holds up to DOWNLOAD_MAX_CHARS of rows, about 100 MB of heap for Japanese text, and DuckDB
   * its --sql-memory-limit beside it: six at once ran the server's 2 GB heap out, and the JVM exits
   * then (the launcher's -XX:+ExitOnOutOfMemoryError).
   */
  static final int SQL_AT_ONCE = 2;

  private final Semaphore sqlSlots = new Semaphore(SQL_AT_ONCE, true);

  private WebServer(ServeOptions options) {
    this.options = options;
    this.state = new PublishedState(options.dataDir(), options.sqlMemoryLimit());
    this.pdfs = new PdfPages(options.dataDir(), options.pdfDirs());
    this.shell = resource(SHELL);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jsonMapper(new JavalinGson(gson, false));
              // POST /api/sql is "405 method not allowed", not "404 not found"
              config.http.prefer405over404 = true;
              config.jetty.modifyHttpConfiguration(
                  http -> http.setRequestHeaderSize(JettyErrors.MAX_REQUEST_HEADER));
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              config.staticFiles.add(
                  f -> {
                    f.hostedPath = "/static";
                    f.directory = "/hyoka/web/static";
                    f.location = Location.CLASSPATH;
                  });
              config.staticFiles.enableWebjars();
              config.routes.before(this::guard);
              for (String page : PAGES) {
                getAndHead(config, page, this::page);
              }
              getAndHead(config, "/api/status", ctx -> read(ctx, s -> Api.status(s, options)));
              getAndHead(config, "/api/options", ctx -> read(ctx, Api::options));
              getAndHead(
                  config,
                  "/api/search",
                  ctx -> read(ctx, s -> Api.search(s, Api.SearchParams.from(ctx::queryParam))));
              getAndHead(
                  config,
                  "/api/projects",
                  ctx -> {
                    String series = Api.blankToNull(ctx.queryParam("series"));
                    String key = Api.blankToNull(ctx.queryParam("key"));
                    if (key == null) {
                      read(ctx, s -> Api.projects(s, series));
                    } else if (series == null) {
                      throw new BadRequestResponse("a project is named by series and key");
                    } else {
                      read(ctx, s -> Api.project(s, series, key));
                    }
                  });
              getAndHead(config, "/api/reports", ctx -> read(ctx, Api::reports));
              getAndHead(
                  config,
                  "/api/reports/{id}",
                  ctx -> read(ctx, s -> Api.report(s, ctx.pathParam("id"))));
              getAndHead(
                  config,
                  "/api/reports/{id}/head",
                  ctx -> read(ctx, s -> Api.reportHead(s, ctx.pathParam("id"))));
              getAndHead(config, "/api/reports/{id}/pages/{page}", this::pagePng);
              getAndHead(config, "/api/reports/{id}/pages/{page}/find", this::pageFind);
              getAndHead(config, "/api/sql", this::sql);
              config.routes.exception(HyokaException.class, this::error);
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    // A bug, not the user's input: logged with its stack, answered in one line.
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    ctx.status(500);
                    ctx.json(Map.of("error", "internal error: " + e, "code", "internal_error"));
                  });
              config.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> {
                    ctx.status(e.getStatus());
                    if (e.getStatus() == 405) {
                      // Javalin's own is "Method Not Allowed": which method, and what is
                      ctx.header("Allow", "GET, HEAD");
                      ctx.json(
                          Map.of(
                              "error",
                              ctx.method().name() + " is not allowed: the server only reads (GET)",
                              "code",
                              "method_not_allowed"));
                      return;
                    }
                    // every error has a code, as docs/web.md says (404s and 403s had none)
                    ctx.json(Map.of("error", e.getMessage(), "code", httpCode(e.getStatus())));
                  });
            });
  }

  /**
   * Registers {@code handler} for GET and HEAD: a HEAD is the GET without its body (Jetty drops
   * it), so its status and headers are the GET's. Without a route of its own Javalin answered every
   * HEAD 200 with an empty text/plain, a report that does not exist too.
   */
  private static void getAndHead(JavalinConfig config, String path, Handler handler) {
    config.routes.get(path, handler);
    config.routes.head(path, handler);
  }

  /** Starts the server; the URL it serves is {@link #url()}. */
  public static WebServer start(ServeOptions options) {
    WebServer server = new WebServer(options);
    try {
      server.app.start(options.bind(), options.port());
    } catch (RuntimeException e) {
      server.close();
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT,
          "cannot listen on "
              + options.bind()
              + ":"
              + options.port()
              + ": "
              + why(root(e), options),
          e);
    }
    server.guard = new RequestGuard(options.bind(), server.app.port());
    return server;
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Why the server cannot listen, and what to change: a port in use (--port), or a --bind that is
   * no address of this machine (which said "null (is another server on that port? try --port)").
   */
  private static String why(Throwable root, ServeOptions options) {
    if (root instanceof java.nio.channels.UnresolvedAddressException
        || root instanceof java.net.UnknownHostException) {
      return "'"
          + options.bind()
          + "' is neither an address nor a host name that resolves (--bind takes an address of"
          + " this machine, such as 127.0.0.1)";
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof java.net.BindException && !message.contains("in use")) {
      return message + " (--bind takes an address of this machine, such as 127.0.0.1)";
    }
    return message + " (is another server on that port? try --port)";
  }

  public int port() {
    return app.port();
  }

  /** The address to open in a browser. */
  public String url() {
    String host = options.bind();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "localhost";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port() + "/";
  }

  /** The SQL queries' slots (tests hold them to see what a query beyond them gets). */
  Semaphore sqlSlots() {
    return sqlSlots;
  }

  /** Looks for a new publish at once instead of within 200 ms (tests). */
  void refreshNow() {
    state.refreshNow();
  }

  private void guard(Context ctx) {
    RequestGuard g = guard;
    if (g == null) {
      throw new ForbiddenResponse("the server is starting");
    }
    g.check(ctx);
    if (QueryString.checked(ctx.path())) {
      QueryString.check(ctx.queryString());
    }
    // Defence in depth: no inline script runs even if a text slipped through as markup.
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
  }

  private void page(Context ctx) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(shell);
  }

  private void read(Context ctx, Function<Snapshot, Object> answer) {
    try (PublishedState.Lease lease = state.acquire()) {
      Snapshot s = lease.snapshot();
      runHeader(ctx, s);
      ctx.json(answer.apply(s));
    }
  }

  /** Which run answered (the warehouse's and the index commit's): {@code X-Hyoka-Run: 2}. */
  private static void runHeader(Context ctx, Snapshot s) {
    ctx.header("X-Hyoka-Run", Long.toString(s.runId()));
  }

  private void pagePng(Context ctx) {
    int page = pageNumber(ctx);
    try (PublishedState.Lease lease = state.acquire()) {
      runHeader(ctx, lease.snapshot());
      PdfPages.ReportFile report = reportFile(lease.snapshot(), ctx.pathParam("id"));
      byte[] png = pdfs.png(report, page);
      ctx.contentType("image/png");
      ctx.header("Cache-Control", "private, max-age=3600");
      ctx.result(png);
    }
  }

  private void pageFind(Context ctx) {
    int page = pageNumber(ctx);
    String text = ctx.queryParam("text");
    try (PublishedState.Lease lease = state.acquire()) {
      runHeader(ctx, lease.snapshot());
      PdfPages.ReportFile report = reportFile(lease.snapshot(), ctx.pathParam("id"));
      ctx.json(pdfs.locate(report, page, text));
    }
  }

  private static PdfPages.ReportFile reportFile(Snapshot s, String reportId) {
    try (java.sql.Connection c = s.connect()) {
      return PdfPages.reportFile(c, reportId);
    } catch (java.sql.SQLException e) {
      throw new HyokaException(ErrorCode.WAREHOUSE_ERROR, "cannot close a connection: " + e, e);
    }
  }

  private static int pageNumber(Context ctx) {
    String p = ctx.pathParam("page");
    if (p.endsWith(".png")) {
      p = p.substring(0, p.length() - 4);
    }
    try {
      return Integer.parseInt(p);
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("a page is a number, not '" + p + "'");
    }
  }

  private void sql(Context ctx) throws IOException {
    boolean slot;
    try {
      // a query waits for a slot as long as it may run
      slot = sqlSlots.tryAcquire(options.sqlTimeoutSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      slot = false;
    }
    if (!slot) {
      throw new ServiceUnavailableResponse(
          "the server is busy with other SQL queries (it runs "
              + SQL_AT_ONCE
              + " at once) and none made way within "
              + options.sqlTimeoutSeconds()
              + " s: try again in a moment");
    }
    try {
      sqlInSlot(ctx);
    } finally {
      sqlSlots.release();
    }
  }

  private void sqlInSlot(Context ctx) throws IOException {
    String query = ctx.queryParam("q");
    String format = String.valueOf(ctx.queryParam("format")).toLowerCase(Locale.ROOT);
    boolean download = format.equals("csv") || format.equals("json");
    int cap = options.sqlMaxRows() * (download ? ServeOptions.DOWNLOAD_FACTOR : 1);
    try (PublishedState.Lease lease = state.acquire()) {
      Snapshot s = lease.snapshot();
      runHeader(ctx, s);
      SqlRunner.Result r =
          SqlRunner.run(
              s,
              query,
              new QueryLimits(
                  cap,
                  options.sqlTimeoutSeconds(),
                  download ? ServeOptions.DOWNLOAD_MAX_CHARS : ServeOptions.PAGE_MAX_CHARS));
      if (download && r.table().truncated()) {
        throw new HyokaException(
            ErrorCode.BAD_QUERY,
            "the result has more than "
                + cap
                + " rows, the most a download holds: narrow the query, or use hyoka sql or"
                + " hyoka export");
      }
      if (format.equals("csv")) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"hyoka-query.csv\"");
        download(ctx, ResultFormat.CSV, r.table());
      } else if (format.equals("json")) {
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"hyoka-query.json\"");
        download(ctx, ResultFormat.JSON, r.table());
      } else {
        ctx.json(sqlJson(r, options.sqlMaxRows()));
      }
    }
  }

  /**
   * A download written row by row to the response, as {@code hyoka sql} writes it: the rows are
   * held once (bounded by DOWNLOAD_MAX_CHARS), never also as one text and as its bytes, which made
   * six downloads of 50 M characters at once run the server out of its 2 GB heap.
   */
  private static void download(Context ctx, ResultFormat format, QueryResult t) throws IOException {
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
    format.write(t, out);
    out.flush();
  }

  private static Map<String, Object> sqlJson(SqlRunner.Result r, int cap) {
    QueryResult t = r.table();
    List<List<Object>> rows =
        t.rows().stream().map(row -> row.stream().map(SqlValues::json).toList()).toList();
    return Api.map(
        "columns",
        t.columns(),
        "types",
        t.types(),
        "rows",
        rows,
        "row_count",
        rows.size(),
        "truncated",
        t.truncated(),
        "max_rows",
        cap,
        "millis",
        r.millis());
  }

  /** The {@code code} of an error answered by status alone (Javalin's HttpResponseException). */
  static String httpCode(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      default -> "http_" + status;
    };
  }

  private void error(HyokaException e, Context ctx) {
    int status =
        switch (e.code()) {
          case NO_WAREHOUSE, INDEX_OUTDATED -> 503;
          case UNREADABLE_FILE -> 422;
          default -> e.code().type() == ErrorCode.Type.INPUT ? 400 : 500;
        };
    ctx.status(status);
    ctx.json(Map.of("error", e.getMessage(), "code", e.code().label()));
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops accepting requests, then closes the published state. */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      state.close();
    }
  }
}
