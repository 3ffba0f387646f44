package hyoka.search;

import static hyoka.search.IndexFields.*;

import hyoka.search.WarehouseTexts.ProjectRow;
import hyoka.search.WarehouseTexts.ReportRow;
import hyoka.search.WarehouseTexts.TextDoc;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of the report texts, derived from the warehouse so it can always be repaired
 * from it. {@link #sync} makes the index equal to the warehouse: reports not yet indexed are added,
 * reports gone are deleted, reports whose superseded state or run changed (a re-parse after an
 * upgrade) are re-indexed. Each sync ends in one Lucene commit carrying {@code warehouse_run}; a
 * crash before it leaves the previous commit, which readers keep using. The commits of the last
 * runs are kept ({@link RunCommitsPolicy}): readers open the one of the warehouse run they read
 * ({@link SearchSnapshot}).
 */
public final class SearchIndex {
  private SearchIndex() {}

  // Offsets in the postings let the UnifiedHighlighter skip re-analysis of the words field.
  static final FieldType TEXT_TYPE =
      textType(true, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
  // The bigram field (2.3 times the words field's tokens) keeps positions for its phrase queries
  // but no offsets: they cost about 0.7 CPU-s per 100 reports at every sync, and only the rare
  // fallback answer needs them, for its few displayed snippets, which Searcher re-analyses.
  static final FieldType BIGRAM_TYPE = textType(false, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  private static FieldType textType(boolean stored, IndexOptions options) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(stored);
    t.setIndexOptions(options);
    t.freeze();
    return t;
  }

  static FacetsConfig facetsConfig() {
    FacetsConfig c = new FacetsConfig();
    c.setMultiValued(FACET_GRADE, true);
    // The facets are only counted (SortedSetDocValuesFacetCounts reads the doc values), never
    // drilled down into: the drill-down terms (dimension and dimension/value, six a document) would
    // be a tenth of the terms a sync inverts.
    for (String dim : List.of(FACET_YEAR, FACET_DEPARTMENT, FACET_KIND, FACET_GRADE)) {
      c.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    }
    return c;
  }

  /** The analyzers of the analysed fields at index time. */
  static Analyzer indexAnalyzer() {
    return new PerFieldAnalyzerWrapper(
        JapaneseTextAnalyzer.forIndex(), Map.of(TEXT_BIGRAM, new CjkBigramAnalyzer()));
  }

  /**
   * Makes the index in {@code indexDir} equal to the warehouse behind {@code warehouse} and commits
   * with {@code warehouse_run=runId}.
   *
   * @return the number of text documents added or deleted
   */
  public static long sync(Connection warehouse, Path indexDir, long runId) {
    return sync(warehouse, indexDir, runId, Optional.empty());
  }

  /**
   * {@link #sync(Connection, Path, long)}, recording in the commit that run {@code runId} is
   * published in the warehouse file {@code published} (when present), so that {@link
   * SearchSnapshot#openSearcher} finds the commit of the live warehouse without opening it. The id
   * must be taken once the file is final (an id the live file no longer has matches nothing, and
   * readers then ask DuckDB).
   */
  public static long sync(
      Connection warehouse, Path indexDir, long runId, Optional<WarehouseFileId> published) {
    try {
      Files.createDirectories(indexDir);
      Map<String, ReportRow> wanted = WarehouseTexts.reports(warehouse);
      try (Directory dir = FSDirectory.open(indexDir);
          Analyzer analyzer = indexAnalyzer();
          IndexWriter writer = new IndexWriter(dir, writerConfig(analyzer))) {
        long changed = 0;
        Map<String, String> indexed = indexedReports(writer);
        String schema =
            writer.getLiveCommitData() == null ? null : commitValue(writer, COMMIT_SCHEMA);
        if (!indexed.isEmpty() && !SCHEMA_VERSION.equals(schema)) {
          changed += countTexts(writer, null);
          writer.deleteAll();
          indexed = Map.of();
        }
        for (Map.Entry<String, String> e : indexed.entrySet()) {
          ReportRow want = wanted.get(e.getKey());
          boolean stale = want == null || !e.getValue().equals(markerState(want));
          if (stale) {
            changed += countTexts(writer, e.getKey());
            writer.deleteDocuments(new Term(REPORT_ID, e.getKey()));
          }
        }
        changed += addReports(warehouse, writer, wanted, indexed);
        Map<String, String> data = new HashMap<>();
        data.put(COMMIT_RUN, Long.toString(runId));
        data.put(COMMIT_SCHEMA, SCHEMA_VERSION);
        published.ifPresent(id -> data.put(COMMIT_WAREHOUSE_FILE, id.encode()));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        return changed;
      }
    } catch (LockObtainFailedException e) {
      throw new HyokaException(
          ErrorCode.DATA_DIR_LOCKED,
          "search index " + indexDir + " is being written by another process");
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot read the warehouse for indexing: " + oneLine(e), e);
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR, "cannot write search index " + indexDir + ": " + oneLine(e), e);
    }
  }

  /**
   * Records in the index's last commit, when it is of run {@code runId}, that the run is published
   * in the warehouse file {@code published}, if the commit records another file or none (an index
   * synced by an older hyoka, a data directory copied or restored): a new commit of the same
   * documents, replacing that one. So {@link SearchSnapshot#openSearcher} finds the run's commit
   * without DuckDB again after any ingest, also one that reads nothing new. The caller holds the
   * data directory (no sync runs beside it).
   *
   * @return whether it committed
   */
  public static boolean recordWarehouseFile(Path indexDir, long runId, WarehouseFileId published) {
    Map<String, String> last = lastCommitData(indexDir);
    if (!Long.toString(runId).equals(last.get(COMMIT_RUN))
        || published.encode().equals(last.get(COMMIT_WAREHOUSE_FILE))) {
      return false;
    }
    try (Directory dir = FSDirectory.open(indexDir);
        Analyzer analyzer = indexAnalyzer();
        IndexWriter writer = new IndexWriter(dir, writerConfig(analyzer))) {
      Map<String, String> data = new HashMap<>();
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      if (!Long.toString(runId).equals(data.get(COMMIT_RUN))) {
        return false;
      }
      data.put(COMMIT_WAREHOUSE_FILE, published.encode());
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
      return true;
    } catch (LockObtainFailedException e) {
      throw new HyokaException(
          ErrorCode.DATA_DIR_LOCKED,
          "search index " + indexDir + " is being written by another process");
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR, "cannot write search index " + indexDir + ": " + oneLine(e), e);
    }
  }

  /**
   * Adds every wanted report the index lacks (or holds with another superseded state). Analysis is
   * most of a sync's cost and IndexWriter takes documents from several threads at once (each into
   * its own in-memory segment), so the documents are built and added on a small pool, one report
   * per task; the warehouse rows are read here, on the calling thread, because a JDBC connection is
   * not for concurrent use. The doc order this gives varies between runs; {@link Searcher} breaks
   * score ties on {@link IndexFields#ORDER}, never on doc ids.
   *
   * @return the number of text documents added
   */
  private static long addReports(
      Connection warehouse,
      IndexWriter writer,
      Map<String, ReportRow> wanted,
      Map<String, String> indexed)
      throws SQLException, IOException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, SearchIndex::indexThread);
    // Bounds the reports queued ahead of the pool (beyond the batch being read), so memory does not
    // grow with the corpus.
    Semaphore inFlight = new Semaphore(threads * 2);
    List<Future<?>> tasks = new ArrayList<>();
    AnalysisCache cache = AnalysisCache.enabled() ? new AnalysisCache() : null;
    long changed = 0;
    List<ReportRow> toAdd = new ArrayList<>();
    for (ReportRow r : wanted.values()) {
      String have = indexed.get(r.reportId());
      if (have == null || !have.equals(markerState(r))) {
        toAdd.add(r);
      }
    }
    // A series' reports one after the other, by year: a report repeats most texts of the year
    // before, which the AnalysisCache then still holds.
    toAdd.sort(
        java.util.Comparator.comparing(ReportRow::series)
            .thenComparingInt(ReportRow::fiscalYear)
            .thenComparing(ReportRow::reportId));
    try (WarehouseTexts.Queries queries = new WarehouseTexts.Queries(warehouse)) {
      for (int from = 0; from < toAdd.size(); from += WarehouseTexts.Queries.BATCH) {
        List<ReportRow> batch =
            toAdd.subList(from, Math.min(toAdd.size(), from + WarehouseTexts.Queries.BATCH));
        Map<String, List<TextDoc>> texts =
            WarehouseTexts.texts(queries, batch.stream().map(ReportRow::reportId).toList());
        for (ReportRow r : batch) {
          List<TextDoc> reportTexts = texts.get(r.reportId());
          changed += reportTexts.size();
          inFlight.acquireUninterruptibly();
          tasks.add(
              pool.submit(
                  () -> {
                    try {
                      addReport(writer, cache, r, reportTexts);
                    } finally {
                      inFlight.release();
                    }
                    return null;
                  }));
          throwIfFailed(tasks);
        }
      }
      for (Future<?> t : tasks) {
        waitFor(t);
      }
      return changed;
    } finally {
      // No add may still run when the caller closes the writer, also after a failure. Queued
      // tasks are dropped; running ones finish (an interrupt inside IndexWriter is tragic).
      for (Future<?> t : tasks) {
        t.cancel(false);
      }
      pool.shutdown();
      boolean interrupted = false;
      while (true) {
        try {
          if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
            break;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void addReport(
      IndexWriter writer, AnalysisCache cache, ReportRow r, List<TextDoc> texts)
      throws IOException {
    ReportDocs docs = new ReportDocs(r, writer.getAnalyzer(), cache);
    for (TextDoc t : texts) {
      writer.addDocument(docs.document(t));
    }
    writer.addDocument(marker(r, texts.size()));
  }

  private static Thread indexThread(Runnable r) {
    Thread t = new Thread(r, "hyoka-index");
    t.setDaemon(true);
    return t;
  }

  /** Stops reading more reports as soon as one task has failed; forgets the finished ones. */
  private static void throwIfFailed(List<Future<?>> tasks) throws IOException {
    for (java.util.Iterator<Future<?>> it = tasks.iterator(); it.hasNext(); ) {
      Future<?> t = it.next();
      if (t.isDone()) {
        waitFor(t);
        it.remove();
      }
    }
  }

  private static void waitFor(Future<?> task) throws IOException {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }

  private static IndexWriterConfig writerConfig(Analyzer analyzer) {
    IndexWriterConfig c = new IndexWriterConfig(analyzer);
    // A sync that fails half-way must leave the previous commit: closing must not commit.
    c.setCommitOnClose(false);
    // Readers open the commit of the warehouse run they read, which may be the previous one.
    c.setIndexDeletionPolicy(new RunCommitsPolicy());
    return c;
  }

  /**
   * The printed text of every text document in the index: what the sync analysed. For measurements
   * (the benchmark times the analysis alone over exactly these texts).
   */
  public static List<String> indexedTexts(Path indexDir) {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(reader);
      TermQuery q = new TermQuery(new Term(DOC_TYPE, TYPE_TEXT));
      StoredFields stored = s.storedFields();
      List<String> out = new ArrayList<>();
      for (ScoreDoc d : s.search(q, Math.max(1, s.count(q))).scoreDocs) {
        out.add(stored.document(d.doc, Set.of(TEXT)).get(TEXT));
      }
      return out;
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR, "cannot read search index " + indexDir + ": " + oneLine(e), e);
    }
  }

  /**
   * What the index's last commit names: the warehouse run it was made for (0 when there is no index
   * or the commit names none) and its index schema ({@code null} when it names none), against which
   * {@link #SCHEMA} is what this hyoka writes and reads.
   */
  public record LastCommit(long run, String schema) {}

  /** The index schema this hyoka writes and reads: a commit of another is rebuilt by an ingest. */
  public static final String SCHEMA = SCHEMA_VERSION;

  /** The run and schema of the index's last commit, read once. */
  public static LastCommit lastCommit(Path indexDir) {
    Map<String, String> data = lastCommitData(indexDir);
    String run = data.get(COMMIT_RUN);
    return new LastCommit(run == null ? 0 : Long.parseLong(run), data.get(COMMIT_SCHEMA));
  }

  /** The {@code warehouse_run} of the index's last commit; 0 when there is no index. */
  public static long indexedRun(Path indexDir) {
    return lastCommit(indexDir).run();
  }

  /** The user data of the index's last commit; empty when there is no index. */
  private static Map<String, String> lastCommitData(Path indexDir) {
    if (!Files.isDirectory(indexDir)) {
      return Map.of();
    }
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) {
        return Map.of();
      }
      return SegmentInfos.readLatestCommit(dir).getUserData();
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR, "cannot read search index " + indexDir + ": " + oneLine(e), e);
    }
  }

  private static String commitValue(IndexWriter writer, String key) {
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * What a marker records of its report and sync compares: superseded_by ("" when current) and the
   * run that read it. A marker of an older hyoka records no run: its report is indexed again.
   */
  private static String markerState(ReportRow r) {
    return markerState(r.supersededBy(), Long.toString(r.runId()));
  }

  private static String markerState(String supersededBy, String run) {
    return run == null ? "" : nullToEmpty(supersededBy) + " " + run;
  }

  /** report_id → {@link #markerState} of every report the index holds. */
  private static Map<String, String> indexedReports(IndexWriter writer) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher s = new IndexSearcher(reader);
      TermQuery q = new TermQuery(new Term(DOC_TYPE, TYPE_REPORT));
      int n = Math.max(1, s.count(q));
      StoredFields stored = s.storedFields();
      for (ScoreDoc d : s.search(q, n).scoreDocs) {
        Document doc = stored.document(d.doc);
        out.put(doc.get(REPORT_ID), markerState(doc.get(SUPERSEDED_BY), doc.get(REPORT_RUN)));
      }
    }
    return out;
  }

  private static long countTexts(IndexWriter writer, String reportId) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher s = new IndexSearcher(reader);
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.add(new TermQuery(new Term(DOC_TYPE, TYPE_TEXT)), BooleanClause.Occur.FILTER);
      if (reportId != null) {
        b.add(new TermQuery(new Term(REPORT_ID, reportId)), BooleanClause.Occur.FILTER);
      }
      return s.count(b.build());
    }
  }

  private static Document marker(ReportRow r, int texts) {
    Document d = new Document();
    d.add(new StringField(DOC_TYPE, TYPE_REPORT, Field.Store.YES));
    d.add(new StringField(REPORT_ID, r.reportId(), Field.Store.YES));
    d.add(new StoredField(SUPERSEDED_BY, nullToEmpty(r.supersededBy())));
    d.add(new StoredField(REPORT_RUN, Long.toString(r.runId())));
    d.add(new StoredField(DOC_COUNT, texts));
    return d;
  }

  /**
   * Builds the text documents of one report. A report has ~600 texts but a few dozen projects, and
   * every text of a project carries the same report, project and KPI fields: those {@link Field}s
   * are made once and added to each of its documents (Lucene only reads a field while it adds a
   * document), and the facet fields are built once per department and kind. The fields and their
   * order are those one document built from scratch had. Used by one thread.
   */
  private static final class ReportDocs {
    private final ReportRow report;
    private final Analyzer analyzer;
    private final AnalysisCache cache;
    private final AnalysisCache.Replay textReplay = AnalysisCache.replay();
    private final AnalysisCache.Replay bigramReplay = AnalysisCache.replay();
    private final FacetsConfig facets = facetsConfig();
    private final Field docType = new StringField(DOC_TYPE, TYPE_TEXT, Field.Store.NO);
    private final Field reportId;

    /** The report's fields between the order and the project fields. */
    private final List<IndexableField> reportFields = new ArrayList<>();

    /** Keyed by (department, kind, the project's grades); the department may be null. */
    private final Map<List<Object>, List<IndexableField>> facetFields = new HashMap<>();

    private ProjectRow project;
    private List<IndexableField> projectFields;
    private List<IndexableField> kpiFields;
    private List<String> grades;

    ReportDocs(ReportRow r, Analyzer analyzer, AnalysisCache cache) {
      this.report = r;
      this.analyzer = analyzer;
      this.cache = cache;
      reportId = new StringField(REPORT_ID, r.reportId(), Field.Store.YES);
      reportFields.add(new StringField(CURRENT, Boolean.toString(r.current()), Field.Store.NO));
      if (r.supersededBy() != null) {
        reportFields.add(new StoredField(SUPERSEDED_BY, r.supersededBy()));
      }
      reportFields.add(new StringField(SERIES, r.series(), Field.Store.YES));
      reportFields.add(new IntPoint(FISCAL_YEAR, r.fiscalYear()));
      reportFields.add(new StoredField(FISCAL_YEAR, r.fiscalYear()));
      reportFields.add(new NumericDocValuesField(FISCAL_YEAR_SORT, r.fiscalYear()));
    }

    Document document(TextDoc t) {
      ReportRow r = report;
      ProjectRow p = t.project();
      if (p != project) {
        project = p;
        projectFields = projectFields(p);
        grades = grades(p);
        kpiFields = kpiFields(p, grades);
      }
      Document d = new Document();
      d.add(docType);
      // Stored only: no query looks a text up by its id (its unique terms were more than half of
      // the terms the sync put in the index's term dictionaries).
      d.add(
          new StoredField(
              ID,
              r.reportId()
                  + "/"
                  + p.projectNo()
                  + "/"
                  + t.kind()
                  + "/"
                  + (t.itemNo() == null ? "" : t.itemNo())));
      d.add(reportId);
      d.add(
          new SortedDocValuesField(
              ORDER, new BytesRef(order(r.reportId(), p.projectNo(), t.kind(), t.itemNo()))));
      for (IndexableField f : reportFields) {
        d.add(f);
      }
      for (IndexableField f : projectFields) {
        d.add(f);
      }
      d.add(new StringField(KIND, t.kind(), Field.Store.YES));
      if (t.itemNo() != null) {
        d.add(new StoredField(ITEM_NO, t.itemNo()));
      }
      if (t.itemName() != null) {
        d.add(new StoredField(ITEM_NAME, t.itemName()));
      }
      d.add(new StoredField(PAGE, t.page()));
      d.add(analysed(TEXT, t.text(), TEXT_TYPE, textReplay));
      d.add(analysed(TEXT_BIGRAM, t.text(), BIGRAM_TYPE, bigramReplay));
      for (IndexableField f : kpiFields) {
        d.add(f);
      }
      // FacetsConfig.build appends the facet fields after the others, as here.
      List<String> g = grades;
      for (IndexableField f :
          facetFields.computeIfAbsent(
              java.util.Arrays.asList(p.department(), t.kind(), g),
              k -> facetFields(p.department(), t.kind(), g))) {
        d.add(f);
      }
      return d;
    }

    /**
     * An analysed field whose tokens come from the sync's {@link AnalysisCache}; a document is
     * added before the next is built, so one replay stream per field serves all of them. Without a
     * cache (switched off) the writer analyses the text itself.
     */
    private Field analysed(String name, String text, FieldType type, AnalysisCache.Replay reuse) {
      Field f = new Field(name, text, type);
      if (cache != null) {
        f.setTokenStream(cache.tokenStream(analyzer, name, text, reuse));
      }
      return f;
    }

    /** The distinct effective grades of the project's KPIs, in KPI order; empty when ungraded. */
    private static List<String> grades(ProjectRow p) {
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
      for (KpiScore k : p.kpis()) {
        if (k.effectiveGrade() != null) {
          out.add(k.effectiveGrade());
        }
      }
      return List.copyOf(out);
    }

    /** The project's fields that precede the kind, in the order a document has them. */
    private static List<IndexableField> projectFields(ProjectRow p) {
      List<IndexableField> out = new ArrayList<>();
      out.add(new IntPoint(PROJECT_NO, p.projectNo()));
      out.add(new StoredField(PROJECT_NO, p.projectNo()));
      if (p.projectKey() != null) {
        out.add(new StringField(PROJECT_KEY, p.projectKey(), Field.Store.YES));
      }
      out.add(new StoredField(PROJECT_NAME, p.name()));
      if (p.groupNo() != null) {
        out.add(new IntPoint(GROUP_NO, p.groupNo()));
        out.add(new StoredField(GROUP_NO, p.groupNo()));
      }
      if (p.groupName() != null) {
        out.add(new StoredField(GROUP_NAME, p.groupName()));
        out.add(new StringField(GROUP_KEY, key(p.groupName()), Field.Store.NO));
      }
      if (p.department() != null) {
        out.add(new StoredField(DEPARTMENT, p.department()));
        out.add(new StringField(DEPARTMENT_KEY, key(p.department()), Field.Store.NO));
      }
      if (p.section() != null) {
        out.add(new StoredField(SECTION, p.section()));
        out.add(new StringField(SECTION_KEY, key(p.section()), Field.Store.NO));
      }
      return out;
    }

    private static List<IndexableField> kpiFields(ProjectRow p, List<String> grades) {
      List<IndexableField> out = new ArrayList<>();
      for (KpiScore k : p.kpis()) {
        out.add(new StoredField(KPI, k.encode()));
        if (k.effectiveScore() != null) {
          out.add(new DoublePoint(KPI_SCORE, k.effectiveScore().doubleValue()));
        }
      }
      for (String g : grades) {
        out.add(new StringField(GRADE, g, Field.Store.NO));
      }
      return out;
    }

    /** What {@link FacetsConfig#build} makes of the year, department, kind and grade facets. */
    private List<IndexableField> facetFields(String department, String kind, List<String> grades) {
      Document d = new Document();
      d.add(new SortedSetDocValuesFacetField(FACET_YEAR, Integer.toString(report.fiscalYear())));
      if (department != null) {
        d.add(new SortedSetDocValuesFacetField(FACET_DEPARTMENT, department));
      }
      d.add(new SortedSetDocValuesFacetField(FACET_KIND, kind));
      for (String g : grades) {
        d.add(new SortedSetDocValuesFacetField(FACET_GRADE, g));
      }
      try {
        return List.copyOf(facets.build(d).getFields());
      } catch (IOException e) {
        // build only throws for taxonomy facets, which this index does not use.
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** The filter form of a department, group or section: NFKC, no brackets or spaces. */
  static String key(String s) {
    return KEY_DROP.matcher(Texts.fold(s)).replaceAll("");
  }

  private static final Pattern KEY_DROP = Pattern.compile("[\\s()<>＜＞（）]");

  /**
   * The tie-break of equal-ranked hits: report, project, kind, item, the order one thread adds the
   * texts in (item_no null as 0, like {@link WarehouseTexts#texts}). Fixed-width numbers so the
   * bytes sort like the numbers.
   */
  static String order(String reportId, int projectNo, String kind, Integer itemNo) {
    return reportId
        + '\0'
        + sortable(projectNo)
        + kind
        + '\0'
        + sortable(itemNo == null ? 0 : itemNo);
  }

  /** {@code n ^ MIN_VALUE} as 8 lower-case hex digits (String.format is slow once per text). */
  static String sortable(int n) {
    String hex = Integer.toHexString(n ^ Integer.MIN_VALUE);
    return "00000000".substring(hex.length()) + hex;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
