package hyoka.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * The tokens of the texts a sync has analysed, replayed when the same text comes again. Reports of
 * one series repeat most of their texts from year to year (65 % of the characters of the FY2019
 * sample's texts are texts printed identically in FY2018, 82 % of FY2018's are in FY2019: KPI
 * names, budget items, unchanged narratives), and Kuromoji's analysis is most of a sync's cost. A
 * replay gives the indexing chain exactly what the analyzer gave the first time (terms, position
 * increments, offsets, the end state), so the index holds the same postings and norms; only the
 * attributes the indexing chain reads are kept, and a stream with payloads or term frequencies is
 * never cached.
 *
 * <p>Bounded: least recently used texts are dropped beyond {@link #DEFAULT_BUDGET} bytes (an
 * estimate of the arrays and the text held). Safe for the sync's indexing threads.
 */
public final class AnalysisCache {
  /** About 32 MB: the distinct texts of ≈ 80 reports of the samples' size, both fields. */
  static final long DEFAULT_BUDGET = 32L << 20;

  /** Field and text; a plain class, as a record's equals and hashCode are slow at C1. */
  private static final class Key {
    final String field;
    final String text;
    private final int hash;

    Key(String field, String text) {
      this.field = field;
      this.text = text;
      this.hash = 31 * field.hashCode() + text.hashCode();
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && field.equals(k.field) && text.equals(k.text);
    }
  }

  /**
   * The system property that switches the cache off ({@code -Dhyoka.analysisCache=off}): for
   * measurements on corpora of identical copies, where it would replay almost every text (issue 16:
   * no result may be reused across files by their content in the benchmark), and to compare.
   */
  public static final String PROPERTY = "hyoka.analysisCache";

  /** Whether a sync uses the cache: unless {@link #PROPERTY} is {@code off}. */
  static boolean enabled() {
    return !"off".equals(System.getProperty(PROPERTY, "on").strip().toLowerCase(Locale.ROOT));
  }

  private final long budget;
  private long used;
  private long hits;
  private long misses;
  private final LinkedHashMap<Key, Tokens> map = new LinkedHashMap<>(1024, 0.75f, true);

  AnalysisCache() {
    this(DEFAULT_BUDGET);
  }

  AnalysisCache(long budget) {
    this.budget = budget;
  }

  /**
   * The tokens of {@code text} in {@code field}: replayed when cached, else {@code analyzer}'s
   * stream, recorded as it is consumed (to its end) for the next identical text.
   */
  TokenStream tokenStream(Analyzer analyzer, String field, String text) {
    return tokenStream(analyzer, field, text, null);
  }

  /**
   * As {@link #tokenStream(Analyzer, String, String)}, replaying through {@code reuse} (from {@link
   * #replay()}, its last stream consumed) instead of a new stream: one per field and thread.
   */
  TokenStream tokenStream(Analyzer analyzer, String field, String text, Replay reuse) {
    Key key = new Key(field, text);
    Tokens t;
    synchronized (this) {
      t = map.get(key);
      if (t != null) {
        hits++;
      } else {
        misses++;
      }
    }
    if (t != null) {
      Replay r = reuse == null ? new Replay() : reuse;
      r.tokens = t;
      return r;
    }
    TokenStream s = analyzer.tokenStream(field, text);
    if (s.hasAttribute(PayloadAttribute.class)) {
      return s;
    }
    return new Recorder(s, key);
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }

  /** The estimated bytes held. */
  synchronized long used() {
    return used;
  }

  private synchronized void put(Key key, Tokens t) {
    long size = t.bytes() + 2L * key.text.length() + 64;
    if (size > budget || map.containsKey(key)) {
      return;
    }
    map.put(key, t);
    used += size;
    for (var it = map.entrySet().iterator(); used > budget && it.hasNext(); ) {
      Map.Entry<Key, Tokens> e = it.next();
      used -= e.getValue().bytes() + 2L * e.getKey().text.length() + 64;
      it.remove();
    }
  }

  /** What the indexing chain reads of a stream, token by token, and its state after end(). */
  private record Tokens(
      char[] chars,
      int[] termEnds,
      int[] posIncs,
      int[] starts,
      int[] ends,
      int finalPosInc,
      int finalStart,
      int finalEnd) {
    long bytes() {
      return 2L * chars.length + 16L * termEnds.length + 96;
    }
  }

  /** Passes the analyzer's tokens through and keeps a copy; caches it once the stream ended. */
  private final class Recorder extends TokenFilter {
    private final Key key;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TermFrequencyAttribute freq = addAttribute(TermFrequencyAttribute.class);
    private char[] chars = new char[64];
    private int nChars;
    private int[] termEnds = new int[16];
    private int[] posIncs = new int[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int n;
    private boolean cacheable = true;

    Recorder(TokenStream in, Key key) {
      super(in);
      this.key = key;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (cacheable) {
        if (freq.getTermFrequency() != 1) {
          cacheable = false;
          return true;
        }
        int len = term.length();
        if (nChars + len > chars.length) {
          chars = Arrays.copyOf(chars, Math.max(2 * chars.length, nChars + len));
        }
        System.arraycopy(term.buffer(), 0, chars, nChars, len);
        nChars += len;
        if (n == termEnds.length) {
          int m = 2 * n;
          termEnds = Arrays.copyOf(termEnds, m);
          posIncs = Arrays.copyOf(posIncs, m);
          starts = Arrays.copyOf(starts, m);
          ends = Arrays.copyOf(ends, m);
        }
        termEnds[n] = nChars;
        posIncs[n] = posInc.getPositionIncrement();
        starts[n] = offset.startOffset();
        ends[n] = offset.endOffset();
        n++;
      }
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      if (cacheable) {
        put(
            key,
            new Tokens(
                Arrays.copyOf(chars, nChars),
                Arrays.copyOf(termEnds, n),
                Arrays.copyOf(posIncs, n),
                Arrays.copyOf(starts, n),
                Arrays.copyOf(ends, n),
                posInc.getPositionIncrement(),
                offset.startOffset(),
                offset.endOffset()));
        cacheable = false;
      }
    }
  }

  /** A stream to replay tokens through, reusable once consumed. */
  static Replay replay() {
    return new Replay();
  }

  /** The recorded tokens again, with the recorded end state. */
  static final class Replay extends TokenStream {
    private Tokens tokens;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int i;

    private Replay() {}

    @Override
    public void reset() throws IOException {
      super.reset();
      i = 0;
    }

    @Override
    public boolean incrementToken() {
      Tokens t = tokens;
      if (i == t.termEnds().length) {
        return false;
      }
      clearAttributes();
      int from = i == 0 ? 0 : t.termEnds()[i - 1];
      term.copyBuffer(t.chars(), from, t.termEnds()[i] - from);
      posInc.setPositionIncrement(t.posIncs()[i]);
      offset.setOffset(t.starts()[i], t.ends()[i]);
      i++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      posInc.setPositionIncrement(tokens.finalPosInc());
      offset.setOffset(tokens.finalStart(), tokens.finalEnd());
    }
  }
}
