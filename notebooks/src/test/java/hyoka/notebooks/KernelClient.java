package hyoka.notebooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter client for tests: writes a connection file, then speaks the wire protocol
 * (HMAC-signed multipart messages over ZeroMQ) to a kernel on the shell, control and iopub
 * channels, as jupyter_client does.
 */
final class KernelClient implements AutoCloseable {
  /** One received message. */
  record Msg(String type, String parentId, JsonObject content) {}

  private static final byte[] DELIM = "<IDS|MSG>".getBytes(UTF_8);

  private final ZContext ctx = new ZContext();
  private final ZMQ.Socket shell;
  private final ZMQ.Socket control;
  private final ZMQ.Socket iopub;
  private final Mac mac;
  private final String session = UUID.randomUUID().toString();
  final Path connectionFile;

  KernelClient(Path dir) throws IOException, GeneralSecurityException {
    int[] ports = freePorts(5);
    String key = UUID.randomUUID().toString();
    JsonObject conn = new JsonObject();
    conn.addProperty("ip", "127.0.0.1");
    conn.addProperty("transport", "tcp");
    conn.addProperty("signature_scheme", "hmac-sha256");
    conn.addProperty("key", key);
    conn.addProperty("shell_port", ports[0]);
    conn.addProperty("iopub_port", ports[1]);
    conn.addProperty("stdin_port", ports[2]);
    conn.addProperty("control_port", ports[3]);
    conn.addProperty("hb_port", ports[4]);
    connectionFile = dir.resolve("kernel-conn.json");
    Files.writeString(connectionFile, conn.toString(), UTF_8);
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(UTF_8), "HmacSHA256"));
    shell = socket(SocketType.DEALER, ports[0]);
    iopub = socket(SocketType.SUB, ports[1]);
    iopub.subscribe(new byte[0]);
    control = socket(SocketType.DEALER, ports[3]);
  }

  private ZMQ.Socket socket(SocketType type, int port) {
    ZMQ.Socket s = ctx.createSocket(type);
    s.setLinger(0);
    s.setReceiveTimeOut(200);
    s.connect("tcp://127.0.0.1:" + port);
    return s;
  }

  private static int[] freePorts(int n) throws IOException {
    int[] ports = new int[n];
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        held.add(s);
        ports[i] = s.getLocalPort();
      }
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
    return ports;
  }

  /** Sends a request on shell; returns its msg_id. */
  String shell(String type, JsonObject content) {
    return send(shell, type, content);
  }

  String control(String type, JsonObject content) {
    return send(control, type, content);
  }

  String execute(String code) {
    JsonObject c = new JsonObject();
    c.addProperty("code", code);
    c.addProperty("silent", false);
    c.addProperty("store_history", true);
    c.add("user_expressions", new JsonObject());
    c.addProperty("allow_stdin", false);
    c.addProperty("stop_on_error", true);
    return shell("execute_request", c);
  }

  private String send(ZMQ.Socket s, String type, JsonObject content) {
    String id = UUID.randomUUID().toString();
    JsonObject header = new JsonObject();
    header.addProperty("msg_id", id);
    header.addProperty("session", session);
    header.addProperty("username", "test");
    header.addProperty("date", Instant.now().toString());
    header.addProperty("msg_type", type);
    header.addProperty("version", "5.3");
    byte[][] parts = {
      header.toString().getBytes(UTF_8),
      "{}".getBytes(UTF_8),
      "{}".getBytes(UTF_8),
      content.toString().getBytes(UTF_8)
    };
    s.sendMore(DELIM);
    s.sendMore(sign(parts).getBytes(UTF_8));
    for (int i = 0; i < parts.length; i++) {
      if (i < parts.length - 1) {
        s.sendMore(parts[i]);
      } else {
        s.send(parts[i]);
      }
    }
    return id;
  }

  private synchronized String sign(byte[][] parts) {
    for (byte[] p : parts) {
      mac.update(p);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  /** The reply to {@code requestId} on shell (or control), waiting up to {@code timeout}. */
  Msg reply(boolean onControl, String requestId, Duration timeout) {
    ZMQ.Socket s = onControl ? control : shell;
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      Msg m = receive(s);
      if (m != null && requestId.equals(m.parentId())) {
        return m;
      }
    }
    throw new AssertionError("no reply to " + requestId + " within " + timeout);
  }

  /**
   * Every iopub message caused by {@code requestId}, up to and including its status: idle (the
   * kernel's sign that the request is done).
   */
  List<Msg> iopubUntilIdle(String requestId, Duration timeout) {
    List<Msg> out = new ArrayList<>();
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      Msg m = receive(iopub);
      if (m == null || !requestId.equals(m.parentId())) {
        continue;
      }
      out.add(m);
      if (m.type().equals("status")
          && m.content().get("execution_state").getAsString().equals("idle")) {
        return out;
      }
    }
    throw new AssertionError(
        "no idle status for " + requestId + " within " + timeout + "; got " + out);
  }

  /**
   * Sends kernel_info_request until the kernel answers and its iopub reaches us (a SUB socket
   * misses what is published before it connects).
   */
  Msg awaitReady(Duration timeout) {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      String id = shell("kernel_info_request", new JsonObject());
      Msg reply = null;
      boolean sawIopub = false;
      Instant step = Instant.now().plusSeconds(2);
      while (Instant.now().isBefore(step) && (reply == null || !sawIopub)) {
        Msg m = receive(shell);
        if (m != null && id.equals(m.parentId())) {
          reply = m;
        }
        Msg p = receive(iopub);
        if (p != null && id.equals(p.parentId())) {
          sawIopub = true;
        }
      }
      if (reply != null && sawIopub) {
        while (receive(iopub) != null) {
          // Drained: only later requests' messages matter.
        }
        return reply;
      }
    }
    throw new AssertionError("kernel not ready within " + timeout);
  }

  private Msg receive(ZMQ.Socket s) {
    byte[] first = s.recv();
    if (first == null) {
      return null;
    }
    List<byte[]> frames = new ArrayList<>();
    frames.add(first);
    while (s.hasReceiveMore()) {
      frames.add(s.recv());
    }
    int d = 0;
    while (d < frames.size() && !java.util.Arrays.equals(frames.get(d), DELIM)) {
      d++;
    }
    if (frames.size() < d + 6) {
      throw new AssertionError("malformed message: " + frames.size() + " frames");
    }
    String signature = new String(frames.get(d + 1), UTF_8);
    byte[][] parts = {frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)};
    if (!signature.equals(sign(parts))) {
      throw new AssertionError("bad HMAC signature on a message from the kernel");
    }
    JsonObject header = JsonParser.parseString(new String(parts[0], UTF_8)).getAsJsonObject();
    JsonObject parent = JsonParser.parseString(new String(parts[1], UTF_8)).getAsJsonObject();
    JsonObject content = JsonParser.parseString(new String(parts[3], UTF_8)).getAsJsonObject();
    String parentId = parent.has("msg_id") ? parent.get("msg_id").getAsString() : null;
    return new Msg(header.get("msg_type").getAsString(), parentId, content);
  }

  @Override
  public void close() {
    ctx.close();
  }
}
