package hyoka.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyoka.transform.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync analyses text that folds char by char without the char filters ({@link
 * SearchIndex#prefoldedIndexAnalyzer}). That is only right if both fields get the very tokens,
 * offsets into the printed text and positions the full chain gives: checked on every text the sync
 * indexes from both sample reports, and on strings made to hit each kind of char.
 */
class PrefoldedAnalysisTest {
  @TempDir Path dataDir;

  @Test
  void everySampleTextAnalysesAlikeBothWays() throws Exception {
    Path index =
        Samples.publishAndIndex(
            dataDir,
            List.of(
                Samples.ingested(Samples.parse("h31"), "otaru", 0),
                Samples.ingested(Samples.parse("h30"), "otaru", 0)));
    List<String> texts = SearchIndex.indexedTexts(index);
    int prefolded = 0;
    int changedByFolding = 0;
    try (Analyzer full = SearchIndex.indexAnalyzer();
        Analyzer plain = SearchIndex.prefoldedIndexAnalyzer()) {
      for (String t : texts) {
        String folded = Texts.foldCharByChar(t);
        if (folded == null) {
          continue;
        }
        prefolded++;
        if (!folded.equals(t)) {
          changedByFolding++;
        }
        for (String field : List.of(IndexFields.TEXT, IndexFields.TEXT_BIGRAM)) {
          assertEquals(tokens(full, field, t), tokens(plain, field, folded), field + ": " + t);
        }
      }
    }
    // Not vacuous: most texts take the short way, and some of them hold full-width chars.
    assertTrue(texts.size() > 500, "texts: " + texts.size());
    assertTrue(prefolded > texts.size() / 2, prefolded + " of " + texts.size());
    assertTrue(changedByFolding > 0, "no prefolded text held a full-width char");
  }

  @Test
  void madeUpStringsAnalyseAlikeBothWays() throws IOException {
    List<String> samples =
        List.of(
            "ＬＥＤ照明の導入（１０基）を実施した。",
            "除雪体制の強化※ＷｉＦｉ環境→整備●完了",
            "ワンストップ窓口、「空き家」対策【Ｒ２】",
            "１２３，４５６円（前年度比＋５．５％）",
            "abc-def Wi-Fi 2019年度〃々〆〇",
            "");
    try (Analyzer full = SearchIndex.indexAnalyzer();
        Analyzer plain = SearchIndex.prefoldedIndexAnalyzer()) {
      for (String t : samples) {
        String folded = Texts.foldCharByChar(t);
        assertNotNull(folded, t);
        assertEquals(t.length(), folded.length(), t);
        for (String field : List.of(IndexFields.TEXT, IndexFields.TEXT_BIGRAM)) {
          assertEquals(tokens(full, field, t), tokens(plain, field, folded), field + ": " + t);
        }
      }
    }
  }

  @Test
  void textThatDoesNotFoldCharByCharKeepsTheCharFilters() {
    // half-width katakana compose (ﾊﾞ = バ), a radical folds to an ideograph, U+301C to '~', a
    // combining voiced mark composes with the kana before it
    for (String t : List.of("ﾊﾞｽ路線", "市⺠活動", "4月〜6月", "か\u3099")) {
      assertNull(Texts.foldCharByChar(t), t);
    }
  }

  private static List<String> tokens(Analyzer a, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s[%d,%d]+%d/%d %s",
                term,
                offset.startOffset(),
                offset.endOffset(),
                inc.getPositionIncrement(),
                len.getPositionLength(),
                type.type()));
      }
      ts.end();
      out.add("end " + offset.endOffset());
    }
    return out;
  }
}
