package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What to ingest.
 *
 * @param dataDir the data directory (warehouse.duckdb, index/), created when missing
 * @param inputs PDF files (taken whatever their extension) and folders (searched recursively for
 *     {@code *.pdf}, any case)
 * @param series series of every input file; null: each file's folder name
 * @param runner Beam runner: {@code direct} (null means direct), {@code flink} or {@code spark}
 * @param layout the name of the layout that reads every file ({@code hyoka ingest --layout}); null:
 *     each file is read by the one layout that claims it
 * @param out where the per-file lines and the summary line go
 * @param limits the size, time and memory bounds each file is read under
 */
public record IngestRequest(
    Path dataDir,
    List<Path> inputs,
    String series,
    String runner,
    String layout,
    PrintWriter out,
    ExtractLimits limits) {
  public IngestRequest {
    requireNonNull(dataDir, "dataDir is null");
    inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
    runner = runner == null ? "direct" : runner;
    requireNonNull(out, "out is null");
    limits = limits == null ? ExtractLimits.DEFAULTS : limits;
  }

  /** Each file read by the layout that claims it, under the default limits. */
  public IngestRequest(
      Path dataDir, List<Path> inputs, String series, String runner, PrintWriter out) {
    this(dataDir, inputs, series, runner, null, out, ExtractLimits.DEFAULTS);
  }

  /** Every file read by {@code layout} (null: the one that claims it), under the default limits. */
  public IngestRequest(
      Path dataDir,
      List<Path> inputs,
      String series,
      String runner,
      String layout,
      PrintWriter out) {
    this(dataDir, inputs, series, runner, layout, out, ExtractLimits.DEFAULTS);
  }

  /** Each file read by the layout that claims it, under {@code limits}. */
  public IngestRequest(
      Path dataDir,
      List<Path> inputs,
      String series,
      String runner,
      PrintWriter out,
      ExtractLimits limits) {
    this(dataDir, inputs, series, runner, null, out, limits);
  }
}
