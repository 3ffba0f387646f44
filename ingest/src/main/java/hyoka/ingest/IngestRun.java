package hyoka.ingest;

import hyoka.search.SearchIndex;
import hyoka.search.WarehouseFileId;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.warehouse.PublishResult;
import hyoka.warehouse.RunStats;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * One {@code hyoka ingest}: from input paths to a published warehouse run and a search index that
 * matches it.
 *
 * <ol>
 *   <li>Lock the data directory (one ingest at a time; readers are never blocked).
 *   <li>Repair: if the index's last commit is not for the warehouse's last run (an ingest was
 *       killed between publishing and indexing), sync the index first.
 *   <li>Expand folders, hash every file; content the warehouse holds in a report this {@link
 *       ParserVersion} made is {@code unchanged} and is neither read nor written; content held in a
 *       report another version made is read again ({@code reparsed}), and its report replaced. When
 *       nothing changed, stop here: no pipeline starts.
 *   <li>Run {@link IngestPipeline} into a fresh {@code staging/run-…} directory, load its shards as
 *       one warehouse run into the staging copy of the warehouse, sync the index from that copy
 *       (one commit recording the run), then rename the copy over the live warehouse, delete the
 *       staging directory.
 * </ol>
 *
 * <p>A crash at any point leaves the warehouse at the old or the new run (publish renames one
 * file), and the index at its last commit, which records the run it matches; the commits of the
 * last runs are kept, so readers open the one of the warehouse they read (see {@code
 * SearchSnapshot}). A crash between the index commit and the rename leaves the index one run ahead;
 * the next ingest repairs a mismatch before doing anything else.
 */
public final class IngestRun {
  private static final DateTimeFormatter STAGING_NAME =
      DateTimeFormatter.ofPattern("'run-'yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final IngestProgress progress;

  /** The parser version this ingest reads as; null: {@link ParserVersion#current()}. */
  private final String parserVersion;

  public IngestRun() {
    this(IngestProgress.NONE);
  }

  /** An ingest that tells {@code progress} how it goes. */
  public IngestRun(IngestProgress progress) {
    this(progress, null);
  }

  /**
   * An ingest that reads as parser version {@code parserVersion}: for tests that simulate an
   * upgrade (or a downgrade) in-process.
   */
  IngestRun(IngestProgress progress, String parserVersion) {
    this.progress = java.util.Objects.requireNonNull(progress, "progress is null");
    this.parserVersion = parserVersion;
  }

  /**
   * Ingests {@code request.inputs()}; prints one line per file, each as soon as it is final (see
   * {@link LineFeed}), and a summary line.
   *
   * @throws HyokaException DATA_DIR_LOCKED when another ingest holds the data directory;
   *     BAD_ARGUMENT for an unknown runner or layout; internal errors of the warehouse, the index
   *     or the pipeline
   */
  public IngestSummary run(IngestRequest request) {
    Instant startedAt = Instant.now();
    StepTimes.Clock clock = new StepTimes.Clock();
    Path dataDir = request.dataDir();
    PrintWriter out = request.out();
    checkRunner(request.runner());
    if (request.layout() != null) {
      // an unknown name fails before anything is touched, naming the installed layouts
      Layouts.installed().named(request.layout());
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT,
          "cannot create data directory " + dataDir + ": " + e.getMessage(),
          e);
    }
    try (DataDirLock lock = DataDirLock.acquire(dataDir, dataDir.toString())) {
      CrashPoints.reached("after-lock");
      Warehouse warehouse = new Warehouse(dataDir);
      Path indexDir = dataDir.resolve("index");
      removeInterruptedStaging(dataDir.resolve("staging"), out);
      progress.step("scan", 0);
      boolean repaired = repairIndex(warehouse, indexDir, out);

      List<Candidate> candidates = expand(request.inputs(), request.series(), request.limits());
      Map<String, String> known = warehouse.knownSha256();
      Map<String, String> madeBy = known.isEmpty() ? Map.of() : warehouse.parserVersions();
      String version = parserVersion != null ? parserVersion : ParserVersion.current();
      RejectedContent rejectedBefore = RejectedContent.load(dataDir, version);
      Map<String, Candidate> firstBySha = new HashMap<>();
      for (Candidate c : candidates) {
        if (c.outcome() != null) {
          continue;
        }
        ChangedFile f = c.file();
        boolean held = known.containsKey(f.sha256());
        if (held && version.equals(madeBy.get(f.sha256()))) {
          c.outcome = FileOutcome.unchanged(f.name());
        } else if (firstBySha.containsKey(f.sha256())) {
          c.repeat(firstBySha.get(f.sha256()));
        } else {
          firstBySha.put(f.sha256(), c);
          // Held, but another hyoka (or one before parser versions) made its report: this one may
          // read the file otherwise. What this version rejects, the held report outlives.
          c.reparse = held;
          if (remembered(rejectedBefore, f.sha256(), request)) {
            // Read and rejected by an earlier run: the same bytes would be rejected again.
            c.outcome = c.rememberedOutcome(rejectedBefore.get(f.sha256(), request.limits()).get());
          } else {
            checkStructure(c);
          }
        }
      }
      fileWhereHeld(warehouse, candidates);
      List<ChangedFile> changed = new ArrayList<>();
      Set<String> reparse = new java.util.HashSet<>();
      for (Candidate c : candidates) {
        if (c.outcome() == null && c.sameAs() == null) {
          changed.add(c.file());
          if (c.reparse()) {
            reparse.add(c.file().sha256());
          }
        }
      }

      LineFeed lines =
          new LineFeed(
              out,
              candidates,
              changed.isEmpty() ? Set.of() : LineFeed.currentSeriesYears(warehouse));
      lines.flush();
      clock.endStep("scan");
      long runId = 0;
      if (!changed.isEmpty()) {
        runId =
            ingestChanged(
                request,
                warehouse,
                indexDir,
                changed,
                candidates,
                startedAt,
                rejectedBefore,
                new ReadAs(version, reparse),
                clock,
                lines);
      }
      List<FileOutcome> outcomes = candidates.stream().map(Candidate::outcome).toList();
      clock.endStep("finish");
      IngestSummary summary = new IngestSummary(outcomes, runId, repaired, clock.times());
      lines.finish();
      out.println(summary.line());
      out.flush();
      return summary;
    }
  }

  /**
   * Empty, not-a-PDF and cut-off files are told from their ends: rejected here, they do not start a
   * pipeline on every re-run of a folder that holds them.
   */
  private static void checkStructure(Candidate c) {
    ChangedFile f = c.file();
    try {
      PdfExtractor.checkStructure(f.file(), f.name());
    } catch (HyokaException e) {
      c.outcome = c.rejectedOutcome(DeadLetter.of(f, e.code(), e.getMessage()));
    }
  }

  /**
   * A re-parse files the report where the held one is filed (its series), whatever folder or {@code
   * --series} this run names: it reads the same content again, it does not move it.
   */
  private static void fileWhereHeld(Warehouse warehouse, List<Candidate> candidates) {
    List<String> shas = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.reparse() && c.outcome() == null) {
        shas.add(c.file().sha256());
      }
    }
    if (shas.isEmpty()) {
      return;
    }
    Map<String, String> series = warehouse.seriesOf(shas);
    for (Candidate c : candidates) {
      ChangedFile f = c.file();
      if (c.reparse() && c.outcome() == null && series.get(f.sha256()) != null) {
        c.file = new ChangedFile(f.path(), f.name(), f.sha256(), series.get(f.sha256()));
      }
    }
  }

  /**
   * The parser version a run reads as, and the held content it reads again because another version
   * made its report.
   */
  private record ReadAs(String parserVersion, Set<String> reparse) {}

  /** Pipeline, publish, index for the changed files; fills in their outcomes. */
  private long ingestChanged(
      IngestRequest request,
      Warehouse warehouse,
      Path indexDir,
      List<ChangedFile> changed,
      List<Candidate> candidates,
      Instant startedAt,
      RejectedContent rejectedContent,
      ReadAs readAs,
      StepTimes.Clock clock,
      LineFeed lines) {
    StagingDir staging =
        StagingDir.of(request.dataDir().resolve("staging").resolve(STAGING_NAME.format(startedAt)));
    Manifest.write(staging.manifest(), changed);
    progress.step("pipeline", changed.size());
    try (LineFeed.Watch watch = lines.watch(staging, progress)) {
      runPipeline(request.runner(), request.layout(), staging, startedAt, request.limits());
    }
    clock.endStep("pipeline");
    CrashPoints.reached("after-shards");

    Map<String, ReportSummary> bySha = new HashMap<>();
    for (ReportSummary s : ReportSummary.readAll(staging.reports())) {
      bySha.put(s.sha256(), s);
    }
    Map<String, DeadLetter> rejectedBySha = new HashMap<>();
    List<DeadLetter> deadLetters = DeadLetter.readAll(staging.deadLetters());
    for (DeadLetter d : deadLetters) {
      rejectedBySha.put(d.sha256(), d);
    }
    rejectedContent.rememberAll(
        request.layout() == null
            ? deadLetters
            : deadLetters.stream().filter(d -> d.code() != ErrorCode.NOT_A_REPORT).toList(),
        request.limits());
    List<RunStats.Rejection> rejections = new ArrayList<>();
    int unchanged = 0;
    for (Candidate c : candidates) {
      if (c.outcome() != null && c.outcome().status() == FileOutcome.Status.REJECTED) {
        rejections.add(new RunStats.Rejection(c.outcome().file(), c.outcome().reason()));
      } else if (c.outcome() != null) {
        unchanged++;
      } else if (c.sameAs() != null) {
        DeadLetter d = rejectedBySha.get(c.file().sha256());
        if (d != null) {
          FileOutcome o = c.asRepeatOf(c.sameAs().rejectedOutcome(d));
          rejections.add(new RunStats.Rejection(o.file(), o.reason()));
        } else {
          unchanged++;
        }
      }
    }
    for (ChangedFile f : changed) {
      DeadLetter d = rejectedBySha.get(f.sha256());
      if (d != null) {
        rejections.add(new RunStats.Rejection(d.file(), d.reason()));
      } else if (!bySha.containsKey(f.sha256())) {
        // Every file ends as a shard or a dead letter; anything else is a pipeline bug.
        throw new HyokaException(
            ErrorCode.INTERNAL_ERROR, "the ingest pipeline left no result for " + f.name());
      }
    }

    List<Path> shards = StagingDir.entries(staging.shards());
    long runId = 0;
    Map<String, String> sourceFiles = Map.of();
    Map<String, String> losses = Map.of();
    Map<String, PublishResult.Outcome> byReportId = new HashMap<>();
    // When every changed file was rejected there is nothing to publish: a run without reports
    // would rewrite the whole warehouse on every re-run of a folder holding such a file. The
    // rejections are printed; the warehouse records rejections with runs that add reports.
    if (!shards.isEmpty()) {
      progress.step("publish", changed.size());
      // The index of the run is built from the staging warehouse and committed before the
      // warehouse goes live: readers open the index commit of the run they read, so they never
      // see the warehouse of one run with the index of another.
      long liveRun = warehouse.lastRunId();
      PublishResult published;
      try {
        published =
            warehouse.publish(
                shards,
                new RunStats(
                    startedAt, unchanged, rejections, readAs.parserVersion(), readAs.reparse()),
                (stagedWarehouse, run, stagedFile) -> {
                  clock.endStep("publish");
                  progress.step("index", changed.size());
                  // the commit records the file that goes live, so hyoka search can tell its run's
                  // commit without DuckDB (SearchSnapshot.openSearcher)
                  syncIndex(stagedWarehouse, indexDir, run, WarehouseFileId.of(stagedFile));
                  clock.endStep("index");
                  CrashPoints.reached("after-index");
                  progress.goingLive(run);
                });
      } catch (HyokaException e) {
        // The shards are of no use now, and on a full disk they hold the space the next run needs.
        removeStaging(staging);
        throw notPublished(warehouse, liveRun, e);
      }
      CrashPoints.reached("after-publish");
      sourceFiles = sourceFiles(warehouse, published);
      losses = losses(warehouse, published);
      runId = published.runId();
      for (PublishResult.Outcome o : published.reports()) {
        byReportId.put(o.reportId(), o);
      }
    }
    for (Candidate c : candidates) {
      if (c.outcome() != null || c.sameAs() != null) {
        continue;
      }
      String sha = c.file().sha256();
      DeadLetter d = rejectedBySha.get(sha);
      if (d != null) {
        c.outcome = c.rejectedOutcome(d);
        continue;
      }
      ReportSummary s = bySha.get(sha);
      PublishResult.Outcome o = byReportId.get(s.reportId());
      if (o != null && o.status() == PublishResult.Status.REPARSED) {
        c.outcome = FileOutcome.reparsed(s);
      } else if (o == null || o.status() == PublishResult.Status.UNCHANGED) {
        c.outcome = FileOutcome.unchanged(c.file().name());
      } else {
        c.outcome =
            FileOutcome.added(
                s,
                superseded(o.supersededReportId(), sourceFiles),
                o.supersededReportId() == null ? null : losses.get(o.reportId()));
      }
    }
    for (Candidate c : candidates) {
      if (c.outcome() == null) {
        c.outcome = c.asRepeatOf(c.sameAs().outcome());
      }
    }
    removeStaging(staging);
    return runId;
  }

  private static void removeStaging(StagingDir staging) {
    try {
      StagingDir.deleteTree(staging.path());
      Files.deleteIfExists(staging.path().getParent());
    } catch (IOException e) {
      // A leftover staging directory is removed by the next ingest.
    }
  }

  /**
   * A publish that failed (a full disk, a file system that refuses a write): the files already
   * printed as {@code added} were read, but the run never went live. When the warehouse is still at
   * the run it was at, the message says so, lest the lines above be taken for what happened.
   */
  private static HyokaException notPublished(Warehouse warehouse, long liveRun, HyokaException e) {
    try {
      if (warehouse.lastRunId() != liveRun) {
        return e;
      }
    } catch (RuntimeException unknown) {
      return e;
    }
    return new HyokaException(
        e.code(),
        e.getMessage()
            + "; this run was not published: the warehouse and what hyoka search finds are as"
            + " before it, without the files printed above as added (the next hyoka ingest reads"
            + " them again)",
        e);
  }

  /**
   * Whether an earlier run rejected this content for what it is, under this run's bounds. That no
   * layout claimed it says nothing about a layout forced by name: with {@code --layout} the file is
   * read again (and a forced layout's rejection is not remembered either).
   */
  private static boolean remembered(RejectedContent before, String sha256, IngestRequest request) {
    return before
        .get(sha256, request.limits())
        .filter(r -> request.layout() == null || r.code() != ErrorCode.NOT_A_REPORT)
        .isPresent();
  }

  private static void runPipeline(
      String runner, String layout, StagingDir staging, Instant startedAt, ExtractLimits limits) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--runner=" + runnerClass(runner),
                "--stagingDir=" + staging.root(),
                "--ingestedAt=" + startedAt,
                "--fileTimeoutMillis=" + limits.timeoutMillis(),
                "--readerHeapMb=" + limits.readerHeapMb()));
    if (layout != null) {
      args.add("--layout=" + layout);
    }
    if ("flink".equals(runner)) {
      // Flink otherwise copies every element (encode + decode) between chained steps in case a
      // step mutates its input; ours take immutable records, and a parsed report is large.
      args.add("--fasterCopy=true");
    }
    IngestPipeline.Options options;
    try {
      options =
          PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
              .as(IngestPipeline.Options.class);
    } catch (IllegalArgumentException e) {
      throw notInBuild(runner, e);
    }
    if ("direct".equals(runner)) {
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setTargetParallelism(Math.max(2, Runtime.getRuntime().availableProcessors()));
      // The checks encode, decode and hash every element after every step to catch DoFns that
      // mutate their input or emit what cannot be encoded: for a parsed report (thousands of
      // objects) that is seconds of CPU per file. The tests run with them on; here they are off.
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
    }
    Pipeline pipeline = Pipeline.create(options);
    IngestPipeline.build(pipeline, options);
    PipelineResult.State state;
    try {
      state = pipeline.run().waitUntilFinish();
    } catch (Pipeline.PipelineExecutionException e) {
      if (e.getCause() instanceof HyokaException he) {
        throw he;
      }
      throw new HyokaException(
          ErrorCode.INTERNAL_ERROR, "the ingest pipeline failed: " + e.getCause(), e.getCause());
    }
    if (state != PipelineResult.State.DONE) {
      throw new HyokaException(ErrorCode.INTERNAL_ERROR, "the ingest pipeline ended " + state);
    }
  }

  /**
   * Fails before anything is touched when the runner is unknown or not in this build. The direct
   * runner is always there, and checking it would start Beam's option registry on every no-op run.
   */
  private static void checkRunner(String runner) {
    String runnerClass = runnerClass(runner);
    if (!"direct".equals(runner)) {
      try {
        PipelineOptionsFactory.fromArgs("--runner=" + runnerClass).create();
      } catch (IllegalArgumentException e) {
        throw notInBuild(runner, e);
      }
    }
  }

  private static HyokaException notInBuild(String runner, Exception e) {
    return new HyokaException(
        ErrorCode.BAD_ARGUMENT,
        "runner " + runner + " is not in this build (build hyoka with -P" + runner + ")",
        e);
  }

  private static String runnerClass(String runner) {
    return switch (runner) {
      case "direct" -> "DirectRunner";
      case "flink" -> "FlinkRunner";
      case "spark" -> "SparkRunner";
      default ->
          throw new HyokaException(
              ErrorCode.BAD_ARGUMENT, "unknown runner " + runner + ": use direct, flink or spark");
    };
  }

  /**
   * Brings the index to the warehouse's last run if a previous ingest died before indexing it. The
   * index is derived data, so syncing from the warehouse is a complete repair.
   */
  private static boolean repairIndex(Warehouse warehouse, Path indexDir, PrintWriter out) {
    long last = warehouse.lastRunId();
    SearchIndex.LastCommit commit;
    try {
      commit = SearchIndex.lastCommit(indexDir);
    } catch (HyokaException e) {
      if (e.code() != ErrorCode.INDEX_ERROR) {
        throw e;
      }
      // The index is derived from the warehouse: an unreadable one is rebuilt, not fatal.
      out.println("rebuilding search index: " + e.getMessage());
      deleteIndex(indexDir);
      if (warehouse.exists()) {
        syncIndex(warehouse, indexDir, last);
      }
      return true;
    }
    long indexed = commit.run();
    String schema = commit.schema();
    if (indexed != 0 && warehouse.exists() && !SearchIndex.SCHEMA.equals(schema)) {
      // Written by another hyoka (an upgrade): its documents lack or misplace fields this one
      // reads, and a re-run with no new file would otherwise never replace them.
      out.println(
          "rebuilding search index: it was written by another version of hyoka (index schema "
              + (schema == null ? "unnamed" : schema)
              + "; this one writes "
              + SearchIndex.SCHEMA
              + ")");
      syncIndex(warehouse, indexDir, last);
      return true;
    }
    if (indexed == last) {
      if (last != 0) {
        recordWarehouseFile(warehouse, indexDir, last);
      }
      return false;
    }
    if (!warehouse.exists()) {
      out.println(
          "removing search index of warehouse run "
              + indexed
              + ": the data directory has no warehouse");
      deleteIndex(indexDir);
      return true;
    }
    out.println(
        "repairing search index: it matches warehouse run "
            + indexed
            + " but the warehouse is at run "
            + last
            + " (an earlier ingest was interrupted)");
    syncIndex(warehouse, indexDir, last);
    return true;
  }

  /**
   * An index of an older hyoka, or of a data directory copied here, records no id of the live
   * warehouse file: recording it lets hyoka search find the run's commit without DuckDB again. Best
   * effort: without it, hyoka search asks DuckDB, as it did before ids were recorded.
   */
  private static void recordWarehouseFile(Warehouse warehouse, Path indexDir, long run) {
    try {
      WarehouseFileId.of(warehouse.dbFile())
          .ifPresent(id -> SearchIndex.recordWarehouseFile(indexDir, run, id));
    } catch (HyokaException e) {
      // the index stays as it was; its commit is still the run's
    }
  }

  private static void deleteIndex(Path indexDir) {
    try {
      StagingDir.deleteTree(indexDir);
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR, "cannot remove " + indexDir + ": " + e.getMessage(), e);
    }
  }

  /** Syncs the index from the live warehouse, whose file its commit records. */
  private static void syncIndex(Warehouse warehouse, Path indexDir, long runId) {
    try (Connection c = warehouse.openReadOnly()) {
      syncIndex(c, indexDir, runId, WarehouseFileId.of(warehouse.dbFile()));
    } catch (SQLException e) {
      throw new HyokaException(ErrorCode.INDEX_ERROR, "cannot index run " + runId + ": " + e, e);
    }
  }

  private static void syncIndex(
      Connection warehouse, Path indexDir, long runId, Optional<WarehouseFileId> published) {
    try (AutoCloseable watch = CrashPoints.haltOnFirstIndexWrite(indexDir)) {
      SearchIndex.sync(warehouse, indexDir, runId, published);
    } catch (HyokaException e) {
      throw e;
    } catch (Exception e) {
      throw new HyokaException(ErrorCode.INDEX_ERROR, "cannot index run " + runId + ": " + e, e);
    }
  }

  /** Staging directories of ingests that were killed: useless now (their run never published). */
  private static void removeInterruptedStaging(Path stagingRoot, PrintWriter out) {
    if (!Files.isDirectory(stagingRoot)) {
      return;
    }
    for (Path dir : StagingDir.entries(stagingRoot)) {
      out.println("removing staging directory of an interrupted ingest: " + dir.getFileName());
      try {
        StagingDir.deleteTree(dir);
      } catch (IOException e) {
        throw new HyokaException(
            ErrorCode.INTERNAL_ERROR, "cannot remove " + dir + ": " + e.getMessage(), e);
      }
    }
    try {
      StagingDir.deleteTree(stagingRoot);
    } catch (IOException e) {
      // Dot-files of a killed writer may stay; they are ignored.
    }
  }

  /** report_id → source_file of every report the publish superseded. */
  private static Map<String, String> sourceFiles(Warehouse warehouse, PublishResult published) {
    Set<String> ids = new LinkedHashSet<>();
    for (PublishResult.Outcome o : published.reports()) {
      if (o.supersededReportId() != null) {
        ids.addAll(List.of(o.supersededReportId().split(",")));
      }
    }
    Map<String, String> files = new HashMap<>();
    if (ids.isEmpty()) {
      return files;
    }
    try (Connection c = warehouse.openReadOnly();
        PreparedStatement p =
            c.prepareStatement("SELECT source_file FROM reports WHERE report_id = ?")) {
      for (String id : ids) {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
          files.put(id, rs.next() ? rs.getString(1) : "report " + id);
        }
      }
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot read superseded reports: " + e.getMessage(), e);
    }
    return files;
  }

  /** The supersession_losses view's {@code what}, in the order the line names them: words. */
  private static final List<String[]> LOSS_WORDS =
      List.of(
          new String[] {"project", "project", "projects"},
          new String[] {"kpi", "KPI row", "KPI rows"},
          new String[] {"kpi name", "KPI name", "KPI names"},
          new String[] {"kpi baseline", "KPI baseline", "KPI baselines"},
          new String[] {"kpi actual", "KPI actual", "KPI actuals"},
          new String[] {"kpi target", "KPI target", "KPI targets"},
          new String[] {"kpi raw score", "raw score", "raw scores"},
          new String[] {"kpi score", "score", "scores"},
          new String[] {"kpi achievement", "achievement", "achievements"},
          new String[] {"kpi grade", "grade", "grades"},
          new String[] {"kpi progress", "progress label", "progress labels"},
          new String[] {"narrative", "narrative", "narratives"});

  /**
   * report_id → what it lost against the report(s) it superseded ({@code 2 KPI names, 12
   * narratives}), for every superseding report of the publish that lost anything.
   */
  private static Map<String, String> losses(Warehouse warehouse, PublishResult published) {
    List<String> ids = new ArrayList<>();
    for (PublishResult.Outcome o : published.reports()) {
      if (o.supersededReportId() != null) {
        ids.add(o.reportId());
      }
    }
    Map<String, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String order = String.join(", ", LOSS_WORDS.stream().map(w -> "'" + w[0] + "'").toList());
    // One query for all superseding reports of the run (a run of 100 revised copies would cost
    // 100 scans of the view otherwise). Report ids are hex digits, safe to quote.
    String in =
        String.join(
            ", ",
            ids.stream().filter(id -> id.matches("[0-9a-f]+")).map(id -> "'" + id + "'").toList());
    Map<String, List<String>> parts = new LinkedHashMap<>();
    try (Connection c = warehouse.openReadOnly();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT report_id, what, count(*) FROM supersession_losses WHERE report_id IN ("
                    + in
                    + ") GROUP BY report_id, what ORDER BY report_id, list_position(["
                    + order
                    + "], what)");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        long n = rs.getLong(3);
        String what = rs.getString(2);
        String[] words =
            LOSS_WORDS.stream()
                .filter(w -> w[0].equals(what))
                .findFirst()
                .orElse(new String[] {what, what, what});
        parts
            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(n + " " + (n == 1 ? words[1] : words[2]));
      }
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR,
          "cannot read what superseding reports lost: " + e.getMessage(),
          e);
    }
    parts.forEach((id, p) -> out.put(id, String.join(", ", p)));
    return out;
  }

  private static String superseded(String ids, Map<String, String> sourceFiles) {
    if (ids == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String id : ids.split(",")) {
      names.add(sourceFiles.getOrDefault(id, "report " + id));
    }
    return String.join(", ", names);
  }

  /**
   * The input files in order: folders searched recursively for {@code *.pdf} (any case, sorted),
   * files taken as named; each checked for its type and size and then hashed. A path that cannot be
   * read is an outcome already.
   */
  static List<Candidate> expand(List<Path> inputs, String series, ExtractLimits limits) {
    Map<Path, Candidate> byPath = new LinkedHashMap<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> pdfs;
        try (Stream<Path> walk = Files.walk(input)) {
          // Not only regular files: a FIFO or a device named *.pdf gets its line as well.
          pdfs =
              walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                  .filter(p -> !Files.isDirectory(p))
                  .sorted()
                  .toList();
        } catch (IOException | UncheckedIOException e) {
          byPath.putIfAbsent(
              input.toAbsolutePath().normalize(),
              Candidate.rejected(input.toString(), "cannot read folder: " + e.getMessage()));
          continue;
        }
        for (Path p : pdfs) {
          byPath.computeIfAbsent(
              p.toAbsolutePath().normalize(), k -> Candidate.hash(p, series, limits));
        }
      } else if (!Files.exists(input)) {
        byPath.putIfAbsent(
            input.toAbsolutePath().normalize(),
            Candidate.rejected(input.toString(), "no such file or folder"));
      } else {
        byPath.computeIfAbsent(
            input.toAbsolutePath().normalize(), k -> Candidate.hash(input, series, limits));
      }
    }
    return new ArrayList<>(byPath.values());
  }

  /** One input file on its way through the run; {@code outcome} is set once it is decided. */
  static final class Candidate {
    private ChangedFile file;
    private FileOutcome outcome;

    /** Held content whose report another parser version made: read again. */
    private boolean reparse;

    /**
     * The file of the run with the same content, when that one is read by the pipeline: this one is
     * not read, and its outcome follows that file's ({@link #asRepeatOf}).
     */
    private Candidate sameAs;

    private Candidate(ChangedFile file, FileOutcome outcome) {
      this.file = file;
      this.outcome = outcome;
    }

    static Candidate rejected(String name, String reason) {
      return new Candidate(null, FileOutcome.rejected(name, ErrorCode.UNREADABLE_FILE, reason));
    }

    /**
     * Checks the file's type and size from the file system, before anything of it is read: a FIFO
     * would block the hashing forever, a device such as /dev/zero never end, and a file larger than
     * 2 GiB cannot be held as one array. Then hashes it.
     */
    static Candidate hash(Path p, String series, ExtractLimits limits) {
      String name = p.toString();
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isDirectory()) {
          return rejected(name, "cannot read: is a directory");
        }
        if (!a.isRegularFile()) {
          return rejected(
              name, "not a regular file (" + specialKind(p) + "): hyoka reads only files");
        }
        if (a.size() > limits.maxFileBytes()) {
          return new Candidate(
              null,
              FileOutcome.rejected(
                  name,
                  ErrorCode.FILE_TOO_LARGE,
                  "too large ("
                      + ExtractLimits.size(a.size())
                      + "): hyoka reads files of up to "
                      + ExtractLimits.size(limits.maxFileBytes())));
        }
        return new Candidate(
            new ChangedFile(
                ChangedFile.pathString(p),
                name,
                IngestedReport.sha256Of(p),
                series != null ? series : Manifest.folderName(p)),
            null);
      } catch (NoSuchFileException e) {
        return rejected(name, "no such file or folder");
      } catch (AccessDeniedException e) {
        return rejected(name, "cannot read: permission denied");
      } catch (IOException e) {
        return rejected(name, "cannot read: " + e.getMessage());
      }
    }

    /** What kind of special file {@code p} is, from its mode bits where the system tells them. */
    private static String specialKind(Path p) {
      try {
        int type = ((Integer) Files.getAttribute(p, "unix:mode")) & 0170000;
        return switch (type) {
          case 0010000 -> "a FIFO";
          case 0020000 -> "a character device";
          case 0060000 -> "a block device";
          case 0140000 -> "a socket";
          default -> "a special file";
        };
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return "a special file";
      }
    }

    ChangedFile file() {
      return file;
    }

    /**
     * This file has the content of {@code first}, an earlier file of the run: it is not read. A
     * repeat of a rejected file is rejected too (an empty file or a damaged copy does not become a
     * {@code duplicate}, which reads as held); when {@code first} is still to be read, the outcome
     * waits for its.
     */
    void repeat(Candidate first) {
      if (first.outcome() == null) {
        sameAs = first;
      } else {
        outcome = asRepeatOf(first.outcome());
      }
    }

    /** The outcome of this file when the file of the same content it repeats had {@code first}. */
    FileOutcome asRepeatOf(FileOutcome first) {
      if (first.status() == FileOutcome.Status.REJECTED) {
        return FileOutcome.rejected(
            file.name(),
            first.code(),
            "same content as " + first.file() + ", rejected: " + first.reason());
      }
      return FileOutcome.duplicate(/* file= */ file.name(), /* sameAs= */ first.file());
    }

    Candidate sameAs() {
      return sameAs;
    }

    boolean reparse() {
      return reparse;
    }

    /**
     * The outcome of this file's rejection {@code d}; for held content read again, the line says
     * that the held report stays.
     */
    FileOutcome rejectedOutcome(DeadLetter d) {
      return FileOutcome.rejected(
          file.name(), d.code(), reparse ? d.reason() + " (" + FileOutcome.KEPT + ")" : d.reason());
    }

    /** The outcome of this file's rejection {@code r} by an earlier run of this version. */
    FileOutcome rememberedOutcome(RejectedContent.Rejection r) {
      return FileOutcome.rejected(
          file.name(),
          r.code(),
          r.reason()
              + " (rejected before; not read again"
              + (reparse ? "; " + FileOutcome.KEPT : "")
              + ")");
    }

    FileOutcome outcome() {
      return outcome;
    }
  }
}
