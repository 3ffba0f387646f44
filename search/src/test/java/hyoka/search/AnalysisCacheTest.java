package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replayed text gives the indexing chain what analysing it again gives: every text the sync
 * indexes from both samples, in both analysed fields.
 */
class AnalysisCacheTest {
  @TempDir static Path tmp;
  private static List<String> texts;

  @BeforeAll
  static void indexBothSamples() throws Exception {
    List<IngestedReport> reports =
        List.of(
            Samples.ingested(Samples.parse("h31"), "sample", 0),
            Samples.ingested(Samples.parse("h30"), "sample", 0));
    texts = SearchIndex.indexedTexts(Samples.publishAndIndex(tmp.resolve("data"), reports));
  }

  @Test
  void aReplayEqualsTheAnalysisInBothFields() throws IOException {
    assertThat(texts).hasSizeGreaterThan(1000);
    try (Analyzer analyzer = SearchIndex.indexAnalyzer()) {
      for (String field : List.of(IndexFields.TEXT, IndexFields.TEXT_BIGRAM)) {
        AnalysisCache cache = new AnalysisCache();
        AnalysisCache.Replay reuse = AnalysisCache.replay();
        long replays = 0;
        for (String text : texts) {
          List<String> direct = consume(analyzer.tokenStream(field, text));
          long before = cache.hits();
          // the first time recorded while passed through (unless an equal text came before), the
          // second time replayed
          assertThat(consume(cache.tokenStream(analyzer, field, text))).isEqualTo(direct);
          // one replay stream serves every text in turn
          TokenStream again = cache.tokenStream(analyzer, field, text, reuse);
          assertThat(again).isSameAs(reuse);
          assertThat(cache.hits()).isGreaterThan(before);
          assertThat(again.hasAttribute(PayloadAttribute.class)).isFalse();
          assertThat(consume(again)).as("%s of %s", field, text).isEqualTo(direct);
          replays++;
        }
        assertThat(replays).isEqualTo(texts.size());
      }
    }
  }

  @Test
  void theTwoYearsShareMostTexts() throws IOException {
    // what the cache is for: the second report of the series repeats most texts of the first
    try (Analyzer analyzer = SearchIndex.indexAnalyzer()) {
      AnalysisCache cache = new AnalysisCache();
      for (String text : texts) {
        consume(cache.tokenStream(analyzer, IndexFields.TEXT, text));
      }
      assertThat(cache.hits()).isGreaterThan(texts.size() / 3);
      assertThat(cache.hits() + cache.misses()).isEqualTo(texts.size());
    }
  }

  @Test
  void aTextBeyondTheBudgetIsAnalysedEveryTime() throws IOException {
    try (Analyzer analyzer = SearchIndex.indexAnalyzer()) {
      AnalysisCache cache = new AnalysisCache(0);
      String text = texts.get(0);
      List<String> direct = consume(analyzer.tokenStream(IndexFields.TEXT, text));
      assertThat(consume(cache.tokenStream(analyzer, IndexFields.TEXT, text))).isEqualTo(direct);
      assertThat(consume(cache.tokenStream(analyzer, IndexFields.TEXT, text))).isEqualTo(direct);
      assertThat(cache.hits()).isZero();
    }
  }

  @Test
  void theLeastRecentlyUsedTextsAreDropped() throws IOException {
    try (Analyzer analyzer = SearchIndex.indexAnalyzer()) {
      String a = longest(0);
      String b = longest(1);
      AnalysisCache sizes = new AnalysisCache();
      consume(sizes.tokenStream(analyzer, IndexFields.TEXT, a));
      long sizeA = sizes.used();
      consume(sizes.tokenStream(analyzer, IndexFields.TEXT, b));
      long sizeB = sizes.used() - sizeA;
      // room for either text, not for both
      AnalysisCache cache = new AnalysisCache(sizeA + sizeB - 1);
      consume(cache.tokenStream(analyzer, IndexFields.TEXT, a));
      consume(cache.tokenStream(analyzer, IndexFields.TEXT, a));
      assertThat(cache.hits()).isEqualTo(1);
      consume(cache.tokenStream(analyzer, IndexFields.TEXT, b));
      consume(cache.tokenStream(analyzer, IndexFields.TEXT, a));
      assertThat(cache.hits()).as("a was dropped for b").isEqualTo(1);
    }
  }

  private static String longest(int rank) {
    return texts.stream()
        .distinct()
        .sorted((x, y) -> Integer.compare(y.length(), x.length()))
        .skip(rank)
        .findFirst()
        .orElseThrow();
  }

  /** What the indexing chain reads of a stream: each token's term, increment, offsets, freq. */
  private static List<String> consume(TokenStream s) throws IOException {
    CharTermAttribute term = s.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute posInc = s.addAttribute(PositionIncrementAttribute.class);
    OffsetAttribute offset = s.addAttribute(OffsetAttribute.class);
    TermFrequencyAttribute freq = s.addAttribute(TermFrequencyAttribute.class);
    List<String> out = new ArrayList<>();
    try (s) {
      s.reset();
      while (s.incrementToken()) {
        out.add(
            term
                + " +"
                + posInc.getPositionIncrement()
                + " "
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + " x"
                + freq.getTermFrequency());
      }
      s.end();
      out.add(
          "end +"
              + posInc.getPositionIncrement()
              + " "
              + offset.startOffset()
              + "-"
              + offset.endOffset());
    }
    return out;
  }

  @Test
  void thePropertySwitchesTheCacheOff() {
    String before = System.getProperty(AnalysisCache.PROPERTY);
    try {
      System.clearProperty(AnalysisCache.PROPERTY);
      assertThat(AnalysisCache.enabled()).isTrue();
      System.setProperty(AnalysisCache.PROPERTY, " OFF ");
      assertThat(AnalysisCache.enabled()).isFalse();
      System.setProperty(AnalysisCache.PROPERTY, "on");
      assertThat(AnalysisCache.enabled()).isTrue();
    } finally {
      if (before == null) {
        System.clearProperty(AnalysisCache.PROPERTY);
      } else {
        System.setProperty(AnalysisCache.PROPERTY, before);
      }
    }
  }
}
