package hyoka.search;

import com.ibm.icu.text.Normalizer2;
import java.text.BreakIterator;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.dict.ConnectionCosts;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.UnknownDictionary;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * Loads what the first analysis of a process needs, on background threads, while the process does
 * other start-up work (parsing its command line, opening the index).
 *
 * <p>Kuromoji's system dictionary and connection costs (≈ 7 MB inflated from the jar and decoded)
 * and ICU's NFKC data are most of a short {@code hyoka search}'s start, and each is loaded once per
 * process into a singleton of its library. Loading them on the machine's other core overlaps that
 * with the work of the main thread; an analyzer that needs one while it is still loading waits for
 * it (the JVM's class initialisation lock), so nothing is loaded twice. docs/performance.md has the
 * figures.
 */
public final class DictionaryPreload {
  private DictionaryPreload() {}

  /** Starts the loads and returns at once. */
  public static void start() {
    load(
        "kuromoji-dictionary",
        () -> {
          TokenInfoDictionary.getInstance();
          // then the query's synonym map, analysed with that dictionary: on the main thread it
          // would come after the index is open, when the search has nothing else to do
          initialise(JapaneseTextAnalyzer.QuerySynonyms.class);
        });
    // then, on the same thread, the rest of the tokenizer's and the chain's data that does not
    // need the token dictionary: read here, it is no longer read after that dictionary is in,
    // when the query waits for it
    load(
        "kuromoji-costs",
        () -> {
          // first Lucene's RamUsageEstimator, which the token dictionary's FST needs (its class
          // initialisation asks the JVM's management beans for its options, ≈ 17 ms); the
          // token dictionary's thread reads its files meanwhile
          if (RamUsageEstimator.NUM_BYTES_OBJECT_REF < 0) {
            throw new AssertionError();
          }
          ConnectionCosts.getInstance();
          UnknownDictionary.getInstance();
          JapaneseAnalyzer.getDefaultStopSet();
          JapaneseAnalyzer.getDefaultStopTags();
          // and hyoka's chain's own tables (the radicals' char map: 12-22 ms cold), which the main
          // thread would build once it has opened the index, by then often after the dictionary
          initialise(JapaneseTextAnalyzer.class);
          // and the JDK's data that the search itself reads first, after the query's analysis,
          // when the other core has nothing left to do: the default time zone (the query
          // parser's), the sentence break rules (the highlighter's), the decimal symbols (the
          // hits' relevance as printed); ≈ 12 ms of the search's last part otherwise
          if (TimeZone.getDefault() == null
              || BreakIterator.getSentenceInstance(Locale.ROOT) == null
              || DecimalFormatSymbols.getInstance(Locale.ROOT) == null) {
            throw new AssertionError();
          }
        });
    load("icu-nfkc", Normalizer2::getNFKCInstance);
  }

  private static void initialise(Class<?> c) {
    try {
      Class.forName(c.getName(), true, c.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void load(String name, Runnable what) {
    Thread t = new Thread(what, "preload-" + name);
    // Never keeps the JVM alive; a load that fails fails again, with its reason, where it is used.
    t.setDaemon(true);
    t.setUncaughtExceptionHandler((thread, e) -> {});
    t.start();
  }
}
