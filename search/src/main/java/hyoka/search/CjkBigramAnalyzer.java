package hyoka.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The recall field {@code text_bigram}: NFKC, then overlapping character bigrams of CJK runs. It
 * finds what the dictionary of {@link JapaneseTextAnalyzer} cuts differently, e.g. ストップ inside the
 * unknown compound ワンストップ, or 排雪 inside 除排雪. It is only queried when the morphological field finds
 * nothing (see docs/search.md), because bigrams also match across word boundaries (京都 in 東京都).
 */
final class CjkBigramAnalyzer extends Analyzer {
  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return JapaneseTextAnalyzer.foldingReader(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    stream = new CJKBigramFilter(stream);
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
