package hyoka.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps other web sites from using the server through the user's browser.
 *
 * <ul>
 *   <li><b>Host</b>: only the address the server is bound to (and, on a loopback address, {@code
 *       localhost}). A page on a name that an attacker re-points at 127.0.0.1 (DNS rebinding) sends
 *       its own name, and is refused.
 *   <li><b>Origin</b>: when the browser sends one, it must be this server's.
 *   <li><b>Sec-Fetch-Site</b>: when the browser sends it, {@code same-origin} or {@code none}
 *       (typed or bookmarked). A page navigation from another site (a shared link) may open an HTML
 *       page, whose content that site cannot read; the API, images and downloads answer only this
 *       server's own pages.
 * </ul>
 */
final class RequestGuard {
  private final Set<String> hosts;
  private final Set<String> origins;

  RequestGuard(String bind, int port) {
    this.hosts = hostNames(bind, port);
    Set<String> o = new LinkedHashSet<>();
    for (String h : hosts) {
      o.add("http://" + h);
    }
    this.origins = Collections.unmodifiableSet(o);
  }

  void check(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      throw new ForbiddenResponse(
          "refused: Host '"
              + host
              + "' is not this server's address (requests must name "
              + String.join(" or ", hosts)
              + "; this protects against DNS rebinding)");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
      throw new ForbiddenResponse(
          "refused: a cross-origin request from " + origin + " (only this server's own pages)");
    }
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      boolean pageNavigation =
          "GET".equals(ctx.method().name())
              && "navigate".equals(ctx.header("Sec-Fetch-Mode"))
              && "document".equals(ctx.header("Sec-Fetch-Dest"))
              && !ctx.path().startsWith("/api/");
      if (!pageNavigation) {
        throw new ForbiddenResponse(
            "refused: a " + site + " request (only this server's own pages may use the API)");
      }
    }
  }

  /** host:port forms a browser may send for this server. */
  private static Set<String> hostNames(String bind, int port) {
    Set<String> names = new LinkedHashSet<>();
    String b = bind.toLowerCase(Locale.ROOT);
    names.add(withPort(b, port));
    try {
      InetAddress address = InetAddress.getByName(b);
      if (address.isLoopbackAddress()) {
        names.add(withPort("localhost", port));
        names.add(withPort("127.0.0.1", port));
      }
      if (address.isAnyLocalAddress()) {
        // Bound to every interface (--bind 0.0.0.0): any of this machine's own addresses.
        names.add(withPort("localhost", port));
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress a : Collections.list(ni.getInetAddresses())) {
            names.add(withPort(a.getHostAddress().replaceAll("%.*$", ""), port));
          }
        }
      }
    } catch (UnknownHostException | SocketException e) {
      // the bind address itself is still allowed
    }
    return Collections.unmodifiableSet(names);
  }

  private static String withPort(String host, int port) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return h + ":" + port;
  }
}
