package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The registry of layouts, and the one place that decides which layout reads a file: the layout
 * that claims it. Each file is read by exactly one layout; a file no layout claims, or that two
 * claim, is rejected with a one-line reason ({@link ErrorCode#NOT_A_REPORT}). A layout can also be
 * forced by name ({@code hyoka ingest --layout NAME}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Layouts {
  private final List<Layout> layouts;

  private Layouts(List<Layout> layouts) {
    List<Layout> sorted = new ArrayList<>(layouts);
    sorted.sort(Comparator.comparing(Layout::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("two layouts named " + sorted.get(i).name());
      }
    }
    this.layouts = List.copyOf(sorted);
  }

  /** The layouts on the class path (ServiceLoader), in name order. */
  public static Layouts installed() {
    List<Layout> found = new ArrayList<>();
    ServiceLoader.load(Layout.class, Layouts.class.getClassLoader()).forEach(found::add);
    if (found.isEmpty()) {
      throw new HyokaException(
          ErrorCode.INTERNAL_ERROR,
          "no layout installed (META-INF/services/" + Layout.class.getName() + ")");
    }
    return new Layouts(found);
  }

  /**
   * The class names of the layouts on the class path, in name order, found without making any
   * layout: what a cache of "no layout reads this file" depends on (a new layout may read it).
   */
  public static List<String> installedClassNames() {
    return ServiceLoader.load(Layout.class, Layouts.class.getClassLoader()).stream()
        .map(p -> p.type().getName())
        .sorted()
        .toList();
  }

  /** Exactly these layouts (tests, or a program that brings its own). */
  public static Layouts of(List<Layout> layouts) {
    return new Layouts(requireNonNull(layouts, "layouts is null"));
  }

  public List<Layout> all() {
    return layouts;
  }

  public List<String> names() {
    return layouts.stream().map(Layout::name).toList();
  }

  /**
   * The layout named {@code name}.
   *
   * @throws HyokaException BAD_ARGUMENT naming the installed layouts when there is none of that
   *     name
   */
  public Layout named(String name) {
    for (Layout l : layouts) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new HyokaException(
        ErrorCode.BAD_ARGUMENT,
        "unknown layout '" + name + "' (installed: " + String.join(", ", names()) + ")");
  }

  /**
   * The layout that reads {@code text}: {@code forced} when not null, else the one layout that
   * claims the text.
   *
   * @throws HyokaException NOT_A_REPORT when no layout or more than one claims the text, naming the
   *     closest layout and what it lacked, or the claimants
   */
  public Layout choose(ReportText text, String forced) {
    if (forced != null) {
      return named(forced);
    }
    List<LayoutClaim> claims = layouts.stream().map(l -> l.claim(text)).toList();
    List<LayoutClaim> claimed = claims.stream().filter(LayoutClaim::claimed).toList();
    if (claimed.size() == 1) {
      return named(claimed.get(0).layout());
    }
    if (claimed.size() > 1) {
      throw new HyokaException(
          ErrorCode.NOT_A_REPORT,
          text.sourceFile()
              + ": claimed by more than one layout ("
              + claimed.stream().map(LayoutClaim::layout).collect(Collectors.joining(", "))
              + "); choose one with --layout");
    }
    LayoutClaim closest =
        claims.stream().max(Comparator.comparingDouble(LayoutClaim::strength)).orElseThrow();
    throw new HyokaException(
        ErrorCode.NOT_A_REPORT,
        text.sourceFile()
            + ": not a KPI evaluation report of a known layout; closest: "
            + closest.layout()
            + (closest.found().isEmpty()
                ? ""
                : " (found " + String.join(", ", closest.found()) + ")")
            + ", lacking "
            + String.join(", ", closest.missing()));
  }

  /**
   * Chooses the layout for {@code text} (see {@link #choose}) and parses the text with it. When a
   * forced layout cannot read the text, the reason says it was forced.
   */
  public ParsedReport parse(ReportText text, String forced) {
    Layout layout = choose(text, forced);
    if (forced == null) {
      return layout.parse(text);
    }
    try {
      return layout.parse(text);
    } catch (HyokaException e) {
      if (e.code() != ErrorCode.NOT_A_REPORT) {
        throw e;
      }
      String prefix = text.sourceFile() + ": ";
      String why =
          e.getMessage().startsWith(prefix)
              ? e.getMessage().substring(prefix.length())
              : e.getMessage();
      throw new HyokaException(
          ErrorCode.NOT_A_REPORT, prefix + "read with --layout " + forced + ": " + why, e);
    }
  }
}
