package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.warehouse.ReportShard;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Redistribute;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The Beam pipeline of one ingest run: every changed file of the manifest is extracted (Tika),
 * parsed and written as an Arrow shard to {@code <stagingDir>/shards/<report_id>}; every file that
 * fails goes to the dead-letter output, which writes one small file per rejection to {@code
 * <stagingDir>/dead-letter/} and counts it. The warehouse is not touched here: {@link IngestRun}
 * publishes the shards when the pipeline is done.
 *
 * <p>Workers share nothing but the staging directory, so the pipeline runs on any runner whose
 * workers see that directory. {@link IngestRun} runs it; by hand (after writing a manifest):
 *
 * <pre>
 * java -cp … hyoka.ingest.IngestPipeline --runner=DirectRunner --targetParallelism=2 \
 *     --stagingDir=/tmp/run1 [--manifest=/tmp/run1/manifest.tsv] [--series=otaru]
 * </pre>
 */
public final class IngestPipeline {
  private IngestPipeline() {}

  /** Options of the pipeline; the runner is chosen with Beam's own {@code --runner}. */
  public interface Options extends PipelineOptions {
    @Description(
        "Staging directory of the run: shards/, reports/ and dead-letter/ are written under it")
    @Validation.Required
    String getStagingDir();

    void setStagingDir(String value);

    @Description(
        "Manifest of the files to ingest, one line per file: path, name, sha256, series"
            + " (tab-separated; default: <stagingDir>/manifest.tsv)")
    String getManifest();

    void setManifest(String value);

    @Description(
        "Series of the files whose manifest line names none (default: the name of the file's"
            + " folder)")
    String getSeries();

    void setSeries(String value);

    @Description(
        "Ingest time recorded on every report of the run, ISO-8601 (default: when the pipeline"
            + " is built)")
    String getIngestedAt();

    void setIngestedAt(String value);

    @Description("How long the PDF reader may take for one file, in milliseconds")
    @Default.Long(ExtractLimits.DEFAULT_TIMEOUT_MILLIS)
    long getFileTimeoutMillis();

    void setFileTimeoutMillis(long value);

    @Description("Heap of each PDF reader process, in MB")
    @Default.Integer(ExtractLimits.DEFAULT_READER_HEAP_MB)
    int getReaderHeapMb();

    void setReaderHeapMb(int value);

    @Description(
        "Layout that reads every file of the run (hyoka ingest --layout); default: the one layout"
            + " that claims each file")
    String getLayout();

    void setLayout(String value);
  }

  /** The reports that parsed. */
  static final TupleTag<IngestedReport> REPORTS = new TupleTag<>() {};

  /** The files that did not, with why. */
  static final TupleTag<DeadLetter> REJECTED = new TupleTag<>() {};

  private static final TupleTag<Extracted> EXTRACTED = new TupleTag<>() {};

  /** A changed file and its text, between extraction and parsing. */
  record Extracted(ChangedFile file, ReportText text) implements Serializable {
    Extracted {
      requireNonNull(file, "file is null");
      requireNonNull(text, "text is null");
    }
  }

  /**
   * Reads a file's text in a PDF reader process ({@link PdfReaders}: {@link PdfExtractor} under a
   * time and a memory bound); bad PDFs, and PDFs over a bound, become dead letters.
   */
  static final class ExtractTextFn extends DoFn<ChangedFile, Extracted> {
    private static final long serialVersionUID = 1L;
    private final Counter extracted = Metrics.counter(IngestPipeline.class, "files_extracted");
    private final ExtractLimits limits;
    private transient PdfReaders readers;

    ExtractTextFn(ExtractLimits limits) {
      this.limits = limits;
    }

    @Setup
    public void setup() {
      readers = PdfReaders.shared(limits);
    }

    @ProcessElement
    public void process(@Element ChangedFile file, MultiOutputReceiver out) {
      try {
        ReportText text = readers.extract(file);
        extracted.inc();
        out.get(EXTRACTED).output(new Extracted(file, text));
      } catch (HyokaException e) {
        if (e.code().type() != ErrorCode.Type.INPUT) {
          throw e;
        }
        out.get(REJECTED).output(DeadLetter.of(file, e.code(), e.getMessage()));
      }
    }
  }

  /** Parses a text into a report of the warehouse. Adapter around the transform parser. */
  static final class ParseReportFn extends DoFn<Extracted, IngestedReport> {
    private static final long serialVersionUID = 1L;
    private final Counter parsed = Metrics.counter(IngestPipeline.class, "reports_parsed");
    private final Instant ingestedAt;
    private final String layout;
    private transient Layouts layouts;

    ParseReportFn(Instant ingestedAt, String layout) {
      this.ingestedAt = ingestedAt;
      this.layout = layout;
    }

    @Setup
    public void setup() {
      layouts = Layouts.installed();
    }

    @ProcessElement
    public void process(@Element Extracted in, MultiOutputReceiver out) {
      ChangedFile file = in.file();
      ParsedReport report;
      try {
        report = layouts.parse(in.text(), layout);
      } catch (HyokaException e) {
        if (e.code().type() != ErrorCode.Type.INPUT) {
          throw e;
        }
        out.get(REJECTED).output(DeadLetter.of(file, e.code(), e.getMessage()));
        return;
      } catch (RuntimeException e) {
        // A parser bug on one odd file must not cost the other files of the run: the file is
        // rejected with a reason that says it is hyoka's fault, and the run goes on.
        out.get(REJECTED)
            .output(
                DeadLetter.of(
                    file,
                    ErrorCode.INTERNAL_ERROR,
                    "the parser failed on this file (a hyoka bug, please report it): " + e));
        return;
      }
      parsed.inc();
      out.get(REPORTS)
          .output(
              new IngestedReport(
                  IngestedReport.reportIdOf(file.sha256()),
                  file.name(),
                  file.sha256(),
                  file.series(),
                  ingestedAt,
                  report,
                  in.text().repairs()));
    }
  }

  /**
   * Writes a report's shard and then its summary (a summary therefore means a complete shard).
   * Adapter around {@link ReportShard#write}; both writes replace what a retried attempt left.
   */
  static final class WriteShardFn extends DoFn<IngestedReport, ReportSummary> {
    private static final long serialVersionUID = 1L;
    private final Counter written = Metrics.counter(IngestPipeline.class, "shards_written");
    private final StagingDir staging;

    WriteShardFn(StagingDir staging) {
      this.staging = staging;
    }

    @ProcessElement
    public void process(@Element IngestedReport report, OutputReceiver<ReportSummary> out) {
      ReportShard.write(report, staging.shard(report.reportId()));
      ReportSummary summary = ReportSummary.of(report);
      summary.writeTo(staging.reports());
      written.inc();
      out.output(summary);
    }
  }

  /** Writes one dead-letter file per rejected file and counts it, in total and per error code. */
  static final class WriteDeadLetterFn extends DoFn<DeadLetter, DeadLetter> {
    private static final long serialVersionUID = 1L;
    private final Counter rejected = Metrics.counter(IngestPipeline.class, "files_rejected");
    private final StagingDir staging;

    WriteDeadLetterFn(StagingDir staging) {
      this.staging = staging;
    }

    @ProcessElement
    public void process(@Element DeadLetter letter, OutputReceiver<DeadLetter> out) {
      letter.writeTo(staging.deadLetters());
      rejected.inc();
      Metrics.counter(IngestPipeline.class, "rejected_" + letter.code().label()).inc();
      out.output(letter);
    }
  }

  /** Text extraction and parsing: {@link #REPORTS} and {@link #REJECTED}. */
  static final class ExtractAndParse
      extends PTransform<PCollection<ChangedFile>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;
    private final Instant ingestedAt;
    private final ExtractLimits limits;
    private final String layout;

    /**
     * @param layout the layout that reads every file, or null for the one that claims each file
     */
    ExtractAndParse(Instant ingestedAt, ExtractLimits limits, String layout) {
      this.ingestedAt = ingestedAt;
      this.limits = limits;
      this.layout = layout;
    }

    @Override
    public PCollectionTuple expand(PCollection<ChangedFile> files) {
      PCollectionTuple extracted =
          files.apply(
              "ExtractText",
              ParDo.of(new ExtractTextFn(limits))
                  .withOutputTags(EXTRACTED, TupleTagList.of(REJECTED)));
      extracted.get(EXTRACTED).setCoder(SerializableCoder.of(Extracted.class));
      extracted.get(REJECTED).setCoder(SerializableCoder.of(DeadLetter.class));
      PCollectionTuple parsed =
          extracted
              .get(EXTRACTED)
              .apply(
                  "ParseReport",
                  ParDo.of(new ParseReportFn(ingestedAt, layout))
                      .withOutputTags(REPORTS, TupleTagList.of(REJECTED)));
      parsed.get(REPORTS).setCoder(SerializableCoder.of(IngestedReport.class));
      parsed.get(REJECTED).setCoder(SerializableCoder.of(DeadLetter.class));
      PCollection<DeadLetter> rejected =
          PCollectionList.of(extracted.get(REJECTED))
              .and(parsed.get(REJECTED))
              .apply("AllRejections", Flatten.pCollections());
      return PCollectionTuple.of(REPORTS, parsed.get(REPORTS)).and(REJECTED, rejected);
    }
  }

  /** Writes every report's shard and summary into the staging directory. */
  static final class WriteShards
      extends PTransform<PCollection<IngestedReport>, PCollection<ReportSummary>> {
    private static final long serialVersionUID = 1L;
    private final StagingDir staging;

    WriteShards(StagingDir staging) {
      this.staging = staging;
    }

    @Override
    public PCollection<ReportSummary> expand(PCollection<IngestedReport> reports) {
      return reports
          .apply("WriteShard", ParDo.of(new WriteShardFn(staging)))
          .setCoder(SerializableCoder.of(ReportSummary.class));
    }
  }

  /** The dead-letter sink: one file per rejection in the staging directory, and counters. */
  static final class WriteDeadLetters
      extends PTransform<PCollection<DeadLetter>, PCollection<DeadLetter>> {
    private static final long serialVersionUID = 1L;
    private final StagingDir staging;

    WriteDeadLetters(StagingDir staging) {
      this.staging = staging;
    }

    @Override
    public PCollection<DeadLetter> expand(PCollection<DeadLetter> rejected) {
      return rejected
          .apply("WriteDeadLetter", ParDo.of(new WriteDeadLetterFn(staging)))
          .setCoder(SerializableCoder.of(DeadLetter.class));
    }
  }

  /** What {@link #build} made: the summaries of the written reports and the dead letters. */
  public record Outputs(PCollection<ReportSummary> written, PCollection<DeadLetter> rejected) {
    public Outputs {
      requireNonNull(written, "written is null");
      requireNonNull(rejected, "rejected is null");
    }
  }

  /** Adds the ingest to {@code pipeline}, reading the manifest named by the options now. */
  public static Outputs build(Pipeline pipeline, Options options) {
    StagingDir staging = StagingDir.of(Path.of(options.getStagingDir()));
    Path manifest =
        options.getManifest() != null ? Path.of(options.getManifest()) : staging.manifest();
    List<ChangedFile> files = Manifest.read(manifest, options.getSeries());
    Instant ingestedAt =
        options.getIngestedAt() != null ? Instant.parse(options.getIngestedAt()) : Instant.now();

    PCollectionTuple parsed =
        pipeline
            .apply(
                "ListChangedFiles",
                Create.of(files).withCoder(SerializableCoder.of(ChangedFile.class)))
            // One file is seconds of work: spread files over the workers instead of keeping them
            // in the one bundle Create makes.
            .apply("SpreadFiles", Redistribute.arbitrarily())
            .apply(
                "ExtractAndParse",
                new ExtractAndParse(ingestedAt, limits(options), options.getLayout()));
    PCollection<ReportSummary> written =
        parsed.get(REPORTS).apply("WriteShards", new WriteShards(staging));
    PCollection<DeadLetter> rejected =
        parsed.get(REJECTED).apply("WriteDeadLetters", new WriteDeadLetters(staging));
    return new Outputs(written, rejected);
  }

  /** The time and memory bounds the options name; files are size-checked by the driver. */
  static ExtractLimits limits(Options options) {
    return new ExtractLimits(
        ExtractLimits.DEFAULT_MAX_FILE_BYTES,
        options.getFileTimeoutMillis(),
        options.getReaderHeapMb());
  }

  /** Runs the pipeline with options from the command line and waits for it. */
  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options);
    PipelineResult.State state = pipeline.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("ingest pipeline ended " + state);
    }
  }
}
