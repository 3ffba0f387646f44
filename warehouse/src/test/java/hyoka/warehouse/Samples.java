package hyoka.warehouse;

import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The sample reports as the ingest hands them to the warehouse: parsed by the real parser, with the
 * sha256 of the sample PDF as identity, series {@code samples} (their folder's name).
 */
final class Samples {
  private Samples() {}

  static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

  static ParsedReport parsed(String name) {
    return Layouts.installed().parse(Fixtures.text(name), null);
  }

  /**
   * A sheet sample ({@code r01}, {@code h30}) read by its layout (kpi-sheet), as the ingest would.
   */
  static IngestedReport sheets(String name) {
    try {
      String sha = sha256(Files.readAllBytes(Fixtures.sheetPdf(name)));
      return of(hyoka.transform.Layouts.installed().parse(Fixtures.sheetText(name), null), sha, AT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IngestedReport ingested(String name) {
    try {
      String sha = sha256(Files.readAllBytes(Fixtures.samplePdf(name)));
      return of(parsed(name), sha, AT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A modified copy of a sample: its text edited by {@code edit} (which must change something),
   * identified by the sha256 of the edited text, ingested at {@code at}.
   */
  static IngestedReport modified(String name, UnaryOperator<String> edit, Instant at) {
    ReportText text = Fixtures.text(name);
    String edited = edit.apply(text.joined());
    if (edited.equals(text.joined())) {
      throw new IllegalArgumentException("the edit changed nothing in " + name);
    }
    ParsedReport parsed = Layouts.installed().parse(ReportText.of(text.sourceFile(), edited), null);
    return of(parsed, sha256(edited.getBytes(StandardCharsets.UTF_8)), at);
  }

  private static IngestedReport of(ParsedReport parsed, String sha, Instant at) {
    return new IngestedReport(
        IngestedReport.reportIdOf(sha), parsed.sourceFile(), sha, "samples", at, parsed);
  }

  static Path shard(IngestedReport r, Path dir) {
    Path shard = dir.resolve(r.reportId() + "-" + r.ingestedAt().toEpochMilli());
    ReportShard.write(r, shard);
    return shard;
  }

  static PublishResult publish(Warehouse w, Path shardRoot, IngestedReport... reports) {
    return w.publish(
        java.util.Arrays.stream(reports).map(r -> shard(r, shardRoot)).toList(),
        new RunStats(AT, 0, List.of()));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
