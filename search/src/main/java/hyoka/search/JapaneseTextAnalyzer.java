package hyoka.search;

import com.ibm.icu.text.Normalizer2;
import hyoka.transform.Radicals;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The one analysis chain for the report texts (field {@code text}).
 *
 * <p>Order, and why:
 *
 * <ol>
 *   <li>CJK radicals to the ideograph a Japanese reader sees ({@link Radicals}: 市⺠ = 市民, ⼾ = 戸),
 *       then NFKC before the tokenizer (ICU char filter, so offsets point into the printed text):
 *       ＬＥＤ = LED, １０ = 10, ﾊﾞｽ = バス, Kangxi radical ⽬ = 目. Then the few foldings {@link
 *       hyoka.transform.Texts#fold} adds to NFKC (wave dash, minus sign), so the index folds
 *       exactly like the warehouse keys.
 *   <li>Kuromoji in search mode, which splits long compounds (除雪体制 → 除雪 / 体制) so a part of a
 *       compound is findable. The compound token itself is discarded: search mode otherwise emits
 *       it as a token spanning several positions, a graph that {@link SynonymGraphFilter} cannot
 *       consume (its matches across such a token are silently wrong). That is the known trap.
 *   <li>Base forms (実施した → 実施 する), part-of-speech stop tags and the Japanese stop words of Lucene's
 *       JapaneseAnalyzer, katakana long-vowel stemming (コンピューター = コンピュータ), lower case (LED = led).
 *   <li>Synonyms for the spelling variants the reports use (空き家/空家, 硝子/ガラス, 子ども/子供 …), from the
 *       plain file {@code synonyms.txt} next to this class, at query time only: the index keeps
 *       exactly what was printed, a new synonym needs no reindex, and query-time graph expansion
 *       gives exact phrase queries for multi-token variants (空き家 → 空き 家) where index-time expansion
 *       would have to flatten the graph and lose positions.
 * </ol>
 *
 * The synonym rules are themselves analysed by this chain without synonyms, so a rule always
 * matches the tokens the documents produce.
 */
public final class JapaneseTextAnalyzer extends Analyzer {
  /** Where the analyzer is used: indexing stores the printed tokens, queries add synonyms. */
  public enum Mode {
    INDEX,
    QUERY
  }

  static final String SYNONYM_RESOURCE = "synonyms.txt";

  private static final NormalizeCharMap FOLD_EXTRAS = foldExtras();
  private static final NormalizeCharMap RADICALS = radicals();

  /**
   * WordDelimiterGraphFilter's char types: only {@link LatinJoinFilter#JOINER} delimits, so the
   * filter splits nothing but the Latin runs that filter glued (by default it would split every
   * token at any symbol and at letter-digit changes).
   */
  private static final byte[] LATIN_PARTS_TABLE = latinPartsTable();

  private final Mode mode;
  private final SynonymMap synonyms;

  private JapaneseTextAnalyzer(Mode mode, SynonymMap synonyms) {
    this.mode = mode;
    this.synonyms = synonyms;
  }

  /** The chain used to index documents (no synonyms). */
  public static JapaneseTextAnalyzer forIndex() {
    return new JapaneseTextAnalyzer(Mode.INDEX, null);
  }

  /** The chain used to analyse queries: the index chain plus the synonym list. */
  public static JapaneseTextAnalyzer forQuery() {
    return new JapaneseTextAnalyzer(Mode.QUERY, QuerySynonyms.MAP);
  }

  /**
   * The query's synonym map, built once per process when first needed (it is immutable, so every
   * query analyzer shares it). A holder class, so that {@link DictionaryPreload} can build it on
   * its dictionary thread right after Kuromoji's dictionary is in, while the main thread is still
   * opening the index; a query analyzer made meanwhile waits for it (the JVM's class initialisation
   * lock) rather than building a second one (docs/performance.md, "Sixth pass").
   */
  static final class QuerySynonyms {
    static final SynonymMap MAP = loadSynonyms();

    private QuerySynonyms() {}
  }

  public Mode mode() {
    return mode;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return foldingReader(reader);
  }

  /**
   * The folding of {@link hyoka.transform.Texts#fold} as char filters, so offsets stay in the
   * printed text: radicals to ideographs first (a query typed or pasted with ⺠ or ⼾ finds 民 and 戸),
   * then NFKC, then the extras.
   */
  static Reader foldingReader(Reader reader) {
    Reader radicals = new MappingCharFilter(RADICALS, reader);
    Reader nfkc = new ICUNormalizer2CharFilter(radicals, Normalizer2.getNFKCInstance());
    return new MappingCharFilter(FOLD_EXTRAS, nfkc);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // punctuation is kept by the tokenizer for LatinJoinFilter, which drops it as the tokenizer
    // would have (no position gaps)
    Tokenizer tokenizer = new JapaneseTokenizer(null, false, true, JapaneseTokenizer.Mode.SEARCH);
    TokenStream stream = new LatinJoinFilter(tokenizer, mode == Mode.QUERY);
    stream = new JapaneseBaseFormFilter(stream);
    stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
    stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
    stream = new JapaneseKatakanaStemFilter(stream);
    stream = new LowerCaseFilter(stream);
    if (synonyms != null) {
      stream = new SynonymGraphFilter(stream, synonyms, true);
    }
    // Latin words glued by LatinJoinFilter are expanded last, after the synonyms, so the synonym
    // filter always reads a flat stream: stacked at one position in the index, as the graph
    // (wifi | wi fi) in a query
    if (mode == Mode.QUERY) {
      stream =
          new WordDelimiterGraphFilter(
              stream,
              false,
              LATIN_PARTS_TABLE,
              WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                  | WordDelimiterGraphFilter.CATENATE_WORDS,
              null);
    } else {
      stream = new LatinPartsFilter(stream);
    }
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  private static SynonymMap loadSynonyms() {
    try (Analyzer ruleAnalyzer = forIndex();
        InputStream in = JapaneseTextAnalyzer.class.getResourceAsStream(SYNONYM_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SYNONYM_RESOURCE);
      }
      SolrSynonymParser parser = new SolrSynonymParser(true, true, ruleAnalyzer);
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SYNONYM_RESOURCE, e);
    } catch (ParseException e) {
      throw new IllegalStateException(
          "bad synonym rule in " + SYNONYM_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static byte[] latinPartsTable() {
    byte[] table = new byte[Character.MAX_VALUE + 1];
    java.util.Arrays.fill(table, (byte) WordDelimiterIterator.ALPHANUM);
    table[LatinJoinFilter.JOINER] = WordDelimiterIterator.getType(LatinJoinFilter.JOINER);
    return table;
  }

  /** Radical → ideograph, from {@link Radicals} (the same table the parser folds with). */
  private static NormalizeCharMap radicals() {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    Radicals.mappings().forEach(b::add);
    return b.build();
  }

  /** The foldings of {@link hyoka.transform.Texts#fold} beyond NFKC. */
  private static NormalizeCharMap foldExtras() {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    b.add("\u301C", "~");
    b.add("\u2053", "~");
    b.add("\u2212", "-");
    return b.build();
  }
}
