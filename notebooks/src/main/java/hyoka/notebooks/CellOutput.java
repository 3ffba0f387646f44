package hyoka.notebooks;

import static java.util.Objects.requireNonNull;

/**
 * What one cell shows: always plain text, and HTML or a PNG image when there is one.
 *
 * @param html an HTML rendering, or null
 * @param png a PNG image, or null
 */
public record CellOutput(String text, String html, byte[] png) {
  public CellOutput {
    requireNonNull(text, "text is null");
  }

  static CellOutput text(String text) {
    return new CellOutput(text, null, null);
  }
}
