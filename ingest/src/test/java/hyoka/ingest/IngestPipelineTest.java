package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.warehouse.ReportShard;
import hyoka.warehouse.ShardReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on the DirectRunner with two workers (beamTestPipelineOptions of the root pom) and
 * its immutability and encodability checks on: the sample report becomes a shard, each kind of bad
 * file becomes exactly one dead letter with its reason, and nothing else is written.
 */
@ExtendWith(TestPipelineExtension.class)
class IngestPipelineTest {
  @TempDir Path dir;

  @Test
  void sampleIsShardedAndEveryBadFileIsDeadLettered(TestPipeline pipeline) throws IOException {
    Path inputs = Files.createDirectory(dir.resolve("otaru"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), inputs.resolve("h31.pdf"));
    Path scan = TestPdfs.scanned(inputs.resolve("scan.pdf"), 2);
    Path memo = TestPdfs.text(inputs.resolve("memo.pdf"), List.of("Quarterly memo", "Budget: 100"));
    Path locked = TestPdfs.encrypted(inputs.resolve("locked.pdf"));
    Path empty = Files.write(inputs.resolve("empty.pdf"), new byte[0]);
    Path notes =
        Files.writeString(inputs.resolve("notes.pdf"), "not a pdf\n", StandardCharsets.UTF_8);
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf("h30"));
    Path half = Files.write(inputs.resolve("half.pdf"), java.util.Arrays.copyOf(pdf, 1000));
    List<ChangedFile> files = new ArrayList<>();
    for (Path p : List.of(h31, scan, memo, locked, empty, notes, half)) {
      files.add(
          new ChangedFile(
              p.toString(), p.getFileName().toString(), IngestedReport.sha256Of(p), ""));
    }
    StagingDir staging = StagingDir.of(dir.resolve("staging"));
    Manifest.write(staging.manifest(), files);

    IngestPipeline.Options options = pipeline.getOptions().as(IngestPipeline.Options.class);
    options.setStagingDir(staging.root());
    options.setIngestedAt("2026-11-28T12:00:00Z");
    IngestPipeline.Outputs out = IngestPipeline.build(pipeline, options);

    ParsedReport direct = Layouts.installed().parse(Fixtures.text("h31"), null);
    String h31Sha = IngestedReport.sha256Of(h31);
    String h31Id = IngestedReport.reportIdOf(h31Sha);
    ReportSummary expected =
        new ReportSummary(
            h31Id,
            "h31.pdf",
            h31Sha,
            2019,
            62,
            73,
            direct.scoreMismatches(),
            null,
            direct.unknownResidue(),
            36);
    PAssert.that(out.written()).containsInAnyOrder(expected);
    PAssert.that(out.rejected())
        .containsInAnyOrder(
            new DeadLetter(
                "scan.pdf",
                files.get(1).sha256(),
                ErrorCode.NO_TEXT_LAYER,
                "no text layer (2 pages, 0 characters): scanned or image-only PDF"),
            new DeadLetter(
                "memo.pdf",
                files.get(2).sha256(),
                ErrorCode.NOT_A_REPORT,
                "not a KPI evaluation report of a known layout; closest: kpi-sheet, lacking ＫＰＩ"
                    + " その{n} label, 達成率/評価 row, 評価基準 grade legend, 実績値 row of values"),
            new DeadLetter(
                "locked.pdf",
                files.get(3).sha256(),
                ErrorCode.ENCRYPTED_PDF,
                "password-protected PDF: hyoka cannot open encrypted reports; save an unprotected"
                    + " copy"),
            new DeadLetter(
                "empty.pdf", files.get(4).sha256(), ErrorCode.EMPTY_FILE, "empty file (0 bytes)"),
            new DeadLetter(
                "notes.pdf",
                files.get(5).sha256(),
                ErrorCode.NOT_A_PDF,
                "not a PDF (no %PDF- header in the first 1024 bytes; the content looks like"
                    + " text/plain)"),
            new DeadLetter(
                "half.pdf",
                files.get(6).sha256(),
                ErrorCode.TRUNCATED_PDF,
                "truncated PDF (no %%EOF marker at the end of its 1000 bytes): the file was cut"
                    + " off; copy or download it again"));
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    // What the driver reads back: one complete shard, its summary, six dead-letter files.
    assertThat(StagingDir.entries(staging.shards())).containsExactly(staging.shard(h31Id));
    ShardReport shard = ReportShard.identity(staging.shard(h31Id));
    assertThat(shard.sourceFile()).isEqualTo("h31.pdf");
    assertThat(shard.series()).isEqualTo("otaru");
    assertThat(shard.fiscalYear()).isEqualTo(2019);
    assertThat(ReportSummary.readAll(staging.reports())).containsExactly(expected);
    assertThat(DeadLetter.readAll(staging.deadLetters()))
        .extracting(DeadLetter::file)
        .containsExactlyInAnyOrder(
            "scan.pdf", "memo.pdf", "locked.pdf", "empty.pdf", "notes.pdf", "half.pdf");
    assertThat(counter(result, "files_rejected")).isEqualTo(6);
    assertThat(counter(result, "rejected_not_a_report")).isEqualTo(1);
    assertThat(counter(result, "shards_written")).isEqualTo(1);
    assertThat(counter(result, "files_extracted")).isEqualTo(2);
  }

  private static long counter(PipelineResult result, String name) {
    long sum = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(IngestPipeline.class, name))
                    .build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }
}
