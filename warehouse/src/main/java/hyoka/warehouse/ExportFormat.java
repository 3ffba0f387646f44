package hyoka.warehouse;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.util.Locale;

/** The file formats {@code hyoka export} writes: one file per table and view. */
public enum ExportFormat {
  PARQUET("parquet"),
  /** Arrow IPC file format (Feather v2). */
  ARROW("arrow"),
  /** CSV with a header row, UTF-8; NULL is an empty field. */
  CSV("csv");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** Parses {@code parquet}, {@code arrow} or {@code csv} (any case). */
  public static ExportFormat parse(String name) {
    for (ExportFormat f : values()) {
      if (f.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return f;
      }
    }
    throw new HyokaException(
        ErrorCode.BAD_ARGUMENT, "unknown export format '" + name + "': use parquet, arrow or csv");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
