package hyoka.search;

import static hyoka.search.IndexFields.*;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.NarrativeKind;
import hyoka.transform.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Answers {@link SearchRequest}s from the last commit of the index: BM25 ranking, filters, facet
 * counts and highlighted snippets. Open one per command (or per notebook session) and close it; it
 * is safe for concurrent searches.
 */
public final class Searcher implements AutoCloseable {
  static final String MARK_START = "«";
  static final String MARK_END = "»";
  private static final int SNIPPET_PASSAGES = 2;
  private static final int FACET_TOP = 100;

  /**
   * The kinds of text the index holds: every narrative kind a layout can give (so a new kind in
   * {@link NarrativeKind} is searchable and filterable without a change here), and the texts the
   * index makes of KPIs and projects ({@link WarehouseTexts}). The kind filter's values.
   */
  public static final Set<String> KINDS = kinds();

  private static Set<String> kinds() {
    Set<String> k = new java.util.TreeSet<>();
    for (NarrativeKind n : NarrativeKind.values()) {
      k.add(n.label());
    }
    k.addAll(List.of("kpi", "target_basis", "description", "name"));
    return java.util.Collections.unmodifiableSet(k);
  }

  private final Path indexDir;
  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final SortedSetDocValuesReaderState facetState;
  private final Analyzer queryAnalyzer;
  private final Analyzer bigramAnalyzer = new CjkBigramAnalyzer();

  /**
   * A searcher on the index's last commit. Readers that also read the warehouse use {@link
   * SearchSnapshot} instead, which opens the commit of the warehouse's run.
   */
  public Searcher(Path indexDir) {
    this(indexDir, dir -> null);
  }

  /**
   * A searcher on the newest commit recorded for warehouse run {@code runId}.
   *
   * @throws HyokaException INDEX_ERROR when the index holds no commit for that run (see {@link
   *     SearchSnapshot}, which retries); NO_WAREHOUSE when there is no index
   */
  static Searcher forRun(Path indexDir, long runId) {
    if (runId < 0) {
      throw new IllegalArgumentException("runId " + runId);
    }
    return new Searcher(indexDir, dir -> commitOf(indexDir, dir, runId));
  }

  /**
   * A searcher on the newest commit that records the warehouse file {@code published} as its run's
   * ({@link WarehouseFileId}): the commit of the run that file holds.
   *
   * @throws HyokaException INDEX_ERROR when no commit records that file (an index synced without
   *     it, a data directory copied elsewhere, a warehouse changed since); NO_WAREHOUSE when there
   *     is no index
   */
  static Searcher forWarehouseFile(Path indexDir, WarehouseFileId published) {
    return new Searcher(indexDir, dir -> commitOf(indexDir, dir, published));
  }

  /** Picks the commit to open; null for the last one. */
  @FunctionalInterface
  private interface CommitChoice {
    IndexCommit choose(Directory dir) throws IOException;
  }

  private Searcher(Path indexDir, CommitChoice choice) {
    this.indexDir = indexDir;
    try {
      if (!Files.isDirectory(indexDir)) {
        throw noIndex(indexDir);
      }
      this.dir = FSDirectory.open(indexDir);
      DirectoryReader r = null;
      try {
        if (!DirectoryReader.indexExists(dir)) {
          throw noIndex(indexDir);
        }
        IndexCommit commit = choice.choose(dir);
        r = commit == null ? DirectoryReader.open(dir) : DirectoryReader.open(commit);
        String schema = r.getIndexCommit().getUserData().get(IndexFields.COMMIT_SCHEMA);
        if (r.maxDoc() > 0 && !IndexFields.SCHEMA_VERSION.equals(schema)) {
          throw new HyokaException(
              ErrorCode.INDEX_OUTDATED,
              "search index "
                  + indexDir
                  + " was written by another version of hyoka (index schema "
                  + (schema == null ? "unnamed" : schema)
                  + "; this one reads "
                  + IndexFields.SCHEMA_VERSION
                  + "): run hyoka ingest once to rebuild it");
        }
        this.facetState =
            hasFacets(r)
                ? new DefaultSortedSetDocValuesReaderState(r, SearchIndex.facetsConfig())
                : null;
        // After the index is open: the query's synonym map is analysed with Kuromoji, so this
        // waits for it, which DictionaryPreload builds meanwhile on another thread in a short
        // command, right after the dictionary (docs/performance.md, "Fifth pass", "Sixth pass").
        this.queryAnalyzer = JapaneseTextAnalyzer.forQuery();
      } catch (IOException | RuntimeException e) {
        if (r != null) {
          r.close();
        }
        dir.close();
        throw e;
      }
      this.reader = r;
      this.searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR,
          "cannot open search index " + indexDir + ": " + SearchIndex.oneLine(e),
          e);
    }
  }

  /** The newest commit for the run; commits are listed oldest first. */
  private static IndexCommit commitOf(Path indexDir, Directory dir, long runId) throws IOException {
    List<IndexCommit> commits = DirectoryReader.listCommits(dir);
    String run = Long.toString(runId);
    for (int i = commits.size() - 1; i >= 0; i--) {
      if (run.equals(RunCommitsPolicy.runOf(commits.get(i)))) {
        return commits.get(i);
      }
    }
    throw new HyokaException(
        ErrorCode.INDEX_ERROR,
        "search index "
            + indexDir
            + " has no commit for warehouse run "
            + runId
            + " (it keeps runs "
            + String.join(", ", commits.stream().map(RunCommitsPolicy::runOf).toList())
            + "): reopen the warehouse to read a newer run, or run hyoka ingest to repair the"
            + " index");
  }

  /** The newest commit that records {@code published}; commits are listed oldest first. */
  private static IndexCommit commitOf(Path indexDir, Directory dir, WarehouseFileId published)
      throws IOException {
    List<IndexCommit> commits = DirectoryReader.listCommits(dir);
    for (int i = commits.size() - 1; i >= 0; i--) {
      String recorded = commits.get(i).getUserData().get(COMMIT_WAREHOUSE_FILE);
      if (WarehouseFileId.decode(recorded).filter(published::equals).isPresent()) {
        return commits.get(i);
      }
    }
    throw new HyokaException(
        ErrorCode.INDEX_ERROR,
        "search index " + indexDir + " has no commit for warehouse file " + published.encode());
  }

  /** The warehouse run the open commit was made for; 0 when it names none. */
  public long runId() {
    try {
      String run = reader.getIndexCommit().getUserData().get(COMMIT_RUN);
      return run == null ? 0 : Long.parseLong(run);
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR,
          "cannot read search index " + indexDir + ": " + SearchIndex.oneLine(e),
          e);
    }
  }

  private static HyokaException noIndex(Path indexDir) {
    return new HyokaException(
        ErrorCode.NO_WAREHOUSE, "no search index in " + indexDir + ": run hyoka ingest first");
  }

  /** An index synced from an empty warehouse has no facet field, and the facet state needs one. */
  private static boolean hasFacets(DirectoryReader reader) {
    return reader.leaves().stream()
        .anyMatch(
            l ->
                l.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)
                    != null);
  }

  public SearchResponse search(SearchRequest request) {
    Query filters = filters(request);
    Query text = QueryText.parse(request.query(), TEXT, queryAnalyzer);
    String field = TEXT;
    try {
      int n = Math.max(1, Math.min(request.limit(), reader.maxDoc()));
      FacetsCollectorManager.FacetsResult result = collect(and(text, filters), n);
      if (result.topDocs().totalHits.value == 0) {
        Query bigram = QueryText.parse(request.query(), TEXT_BIGRAM, bigramAnalyzer);
        FacetsCollectorManager.FacetsResult r2 = collect(and(bigram, filters), n);
        if (r2.topDocs().totalHits.value > 0) {
          text = bigram;
          field = TEXT_BIGRAM;
          result = r2;
        }
      }
      TopDocs top = result.topDocs();
      Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
      if (facetState != null) {
        Facets counts = new SortedSetDocValuesFacetCounts(facetState, result.facetsCollector());
        for (String dim : List.of(FACET_DEPARTMENT, FACET_KIND, FACET_YEAR, FACET_GRADE)) {
          facets.put(dim, facet(counts, dim));
        }
      }
      ScoreDoc[] docs = top.scoreDocs;
      if (request.limit() == 0) {
        docs = new ScoreDoc[0];
      }
      String[] snippets =
          request.snippets() ? snippets(field, text, docs) : new String[docs.length];
      StoredFields stored = searcher.storedFields();
      List<SearchHit> hits = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        hits.add(
            hit(
                stored.document(docs[i].doc),
                docs[i].score,
                snippets[i] == null ? "" : snippets[i]));
      }
      return new SearchResponse(top.totalHits.value, hits, facets, field);
    } catch (IndexSearcher.TooManyClauses e) {
      // A long word without spaces analyses into a phrase of many terms, each with synonyms.
      throw QueryText.tooComplex(request.query());
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR,
          "cannot search index " + indexDir + ": " + SearchIndex.oneLine(e),
          e);
    }
  }

  /**
   * BM25 first; among equal scores (the same text in several report years) the newest year; then
   * report, project, kind and item, so equal hits do not rank by the doc ids that parallel indexing
   * shuffles.
   */
  private static final Sort RANKING =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(FISCAL_YEAR_SORT, SortField.Type.INT, true),
          new SortField(ORDER, SortField.Type.STRING));

  private FacetsCollectorManager.FacetsResult collect(Query query, int n) throws IOException {
    return FacetsCollectorManager.search(
        searcher, query, n, RANKING, true, new FacetsCollectorManager());
  }

  private String[] snippets(String field, Query text, ScoreDoc[] docs) throws IOException {
    if (docs.length == 0) {
      return new String[0];
    }
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    UnifiedHighlighter h;
    if (field.equals(TEXT_BIGRAM)) {
      h =
          new BigramHighlighter(
              UnifiedHighlighter.builder(searcher, bigramAnalyzer).withFormatter(formatter()));
    } else {
      h = UnifiedHighlighter.builder(searcher, queryAnalyzer).withFormatter(formatter()).build();
    }
    Map<String, String[]> out =
        h.highlightFields(new String[] {field}, text, ids, new int[] {SNIPPET_PASSAGES});
    String[] s = out.get(field);
    for (int i = 0; i < s.length; i++) {
      s[i] = s[i] == null ? "" : s[i].replace('\n', ' ');
    }
    return s;
  }

  private static DefaultPassageFormatter formatter() {
    return new DefaultPassageFormatter(MARK_START, MARK_END, " … ", false);
  }

  /**
   * Highlights a fallback answer: the bigram field stores neither text nor offsets (see {@link
   * SearchIndex#BIGRAM_TYPE}), so its snippets come from the stored words text, re-analysed into
   * bigrams for the displayed hits only.
   */
  private static final class BigramHighlighter extends UnifiedHighlighter {
    BigramHighlighter(UnifiedHighlighter.Builder b) {
      super(b);
    }

    @Override
    protected OffsetSource getOffsetSource(String field) {
      return OffsetSource.ANALYSIS;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      return super.loadFieldValues(new String[] {TEXT}, docIter, cacheCharsThreshold);
    }
  }

  private static List<FacetCount> facet(Facets counts, String dim) throws IOException {
    List<FacetCount> out = new ArrayList<>();
    FacetResult r;
    try {
      r = counts.getTopChildren(FACET_TOP, dim);
    } catch (IllegalArgumentException e) {
      return out; // the dimension has no value in this index
    }
    if (r != null) {
      for (LabelAndValue lv : r.labelValues) {
        out.add(new FacetCount(lv.label, lv.value.longValue()));
      }
    }
    return out;
  }

  private static SearchHit hit(Document d, float score, String snippet) {
    List<KpiScore> kpis = new ArrayList<>();
    for (IndexableField f : d.getFields(KPI)) {
      kpis.add(KpiScore.decode(f.stringValue()));
    }
    return new SearchHit(
        d.get(REPORT_ID),
        intValue(d, FISCAL_YEAR),
        d.get(SERIES),
        intValue(d, PROJECT_NO),
        d.get(PROJECT_KEY),
        d.get(PROJECT_NAME),
        intOrNull(d, GROUP_NO),
        d.get(GROUP_NAME),
        d.get(DEPARTMENT),
        d.get(SECTION),
        d.get(KIND),
        intOrNull(d, ITEM_NO),
        d.get(ITEM_NAME),
        intValue(d, PAGE),
        score,
        snippet,
        d.get(SUPERSEDED_BY),
        kpis);
  }

  private static int intValue(Document d, String field) {
    return d.getField(field).numericValue().intValue();
  }

  private static Integer intOrNull(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? null : f.numericValue().intValue();
  }

  private static Query and(Query text, Query filters) {
    return new BooleanQuery.Builder().add(text, Occur.MUST).add(filters, Occur.FILTER).build();
  }

  private static Query filters(SearchRequest request) {
    SearchFilters f = request.filters();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(DOC_TYPE, TYPE_TEXT)), Occur.FILTER);
    if (!request.includeSuperseded()) {
      b.add(new TermQuery(new Term(CURRENT, "true")), Occur.FILTER);
    }
    if (f.fiscalYear() != null) {
      b.add(IntPoint.newExactQuery(FISCAL_YEAR, f.fiscalYear()), Occur.FILTER);
    }
    if (f.series() != null) {
      b.add(new TermQuery(new Term(SERIES, f.series())), Occur.FILTER);
    }
    if (f.project() != null) {
      Integer no = integer(f.project());
      b.add(
          no != null
              ? IntPoint.newExactQuery(PROJECT_NO, no)
              : new TermQuery(new Term(PROJECT_KEY, f.project())),
          Occur.FILTER);
    }
    if (f.department() != null) {
      b.add(department(f.department()), Occur.FILTER);
    }
    if (f.group() != null) {
      Integer no = integer(f.group());
      b.add(
          no != null
              ? IntPoint.newExactQuery(GROUP_NO, no)
              : new WildcardQuery(
                  new Term(GROUP_KEY, "*" + wildcardEscape(SearchIndex.key(f.group())) + "*")),
          Occur.FILTER);
    }
    if (f.kind() != null) {
      b.add(new TermQuery(new Term(KIND, kind(f.kind()))), Occur.FILTER);
    }
    if (f.grade() != null) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String g : SearchFilters.grades(f.grade())) {
        any.add(new TermQuery(new Term(GRADE, g)), Occur.SHOULD);
      }
      b.add(any.build(), Occur.FILTER);
    }
    if (f.minScore() != null || f.maxScore() != null) {
      double min = f.minScore() == null ? Double.NEGATIVE_INFINITY : f.minScore();
      double max = f.maxScore() == null ? Double.POSITIVE_INFINITY : f.maxScore();
      b.add(DoublePoint.newRangeQuery(KPI_SCORE, min, max), Occur.FILTER);
    }
    return b.build();
  }

  /**
   * Departments whose key contains the filter's key: a researcher types 建設 or 「建設部」 for 建設部, and
   * 建設部 also finds the projects printed under two departments (産業港湾部・建設部). The index keeps one key
   * term per department value, so the wildcard scans a handful of terms.
   */
  private static Query department(String filter) {
    String key = SearchIndex.key(filter);
    String unquoted = SearchFilters.departmentKey(filter);
    Query q = new WildcardQuery(new Term(DEPARTMENT_KEY, "*" + wildcardEscape(unquoted) + "*"));
    if (key.equals(unquoted)) {
      return q;
    }
    // The quote brackets dropped from the filter could be printed in a department name itself.
    return new BooleanQuery.Builder()
        .add(q, Occur.SHOULD)
        .add(
            new WildcardQuery(new Term(DEPARTMENT_KEY, "*" + wildcardEscape(key) + "*")),
            Occur.SHOULD)
        .build();
  }

  /**
   * The indexed form of a kind filter ({@code KPI} and {@code five-year-summary} are accepted).
   *
   * @throws HyokaException BAD_QUERY for a kind the index does not hold
   */
  static String kind(String filter) {
    String kind = filter.toLowerCase(Locale.ROOT).replace('-', '_');
    if (!KINDS.contains(kind)) {
      throw new HyokaException(
          ErrorCode.BAD_QUERY,
          "unknown kind '"
              + filter
              + "': one of "
              + String.join(", ", new java.util.TreeSet<>(KINDS)));
    }
    return kind;
  }

  private static Integer integer(String s) {
    String t = Texts.fold(s).strip();
    return t.matches("\\d{1,9}") ? Integer.valueOf(t) : null;
  }

  private static String wildcardEscape(String s) {
    return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
  }

  @Override
  public void close() {
    try {
      reader.close();
      dir.close();
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INDEX_ERROR,
          "cannot close search index " + indexDir + ": " + SearchIndex.oneLine(e),
          e);
    } finally {
      queryAnalyzer.close();
      bigramAnalyzer.close();
    }
  }
}
