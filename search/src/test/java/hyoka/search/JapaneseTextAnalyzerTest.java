package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Texts;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis chain on phrases printed in the H31 report: terms with their offsets into the
 * printed text and their position increments (a stopped particle leaves a gap of one).
 */
class JapaneseTextAnalyzerTest {
  static final Analyzer INDEX = JapaneseTextAnalyzer.forIndex();
  static final Analyzer QUERY = JapaneseTextAnalyzer.forQuery();

  @AfterAll
  static void close() {
    INDEX.close();
    QUERY.close();
  }

  /** term[start,end]+increment/length, the compact form the assertions use. */
  static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("text", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s[%d,%d]+%d/%d",
                t,
                o.startOffset(),
                o.endOffset(),
                inc.getPositionIncrement(),
                len.getPositionLength()));
      }
      ts.end();
    }
    return out;
  }

  static List<String> terms(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    for (String t : tokens(a, text)) {
      out.add(t.substring(0, t.indexOf('[')));
    }
    return out;
  }

  @Test
  void fullWidthLatinIsFoldedAndOffsetsPointIntoThePrintedText() throws IOException {
    String printed = "既存街路防犯灯ＬＥＤ化推進事業費";
    assertThat(tokens(INDEX, printed))
        .containsExactly(
            "既存[0,2]+1/1",
            "街路[2,4]+1/1",
            "防犯[4,6]+1/1",
            "灯[6,7]+1/1",
            "led[7,10]+1/1",
            "化[10,11]+1/1",
            "推進[11,13]+1/1",
            "事業[13,15]+1/1",
            "費[15,16]+1/1");
    assertThat(printed.substring(7, 10)).isEqualTo("ＬＥＤ");
    // the half-width spelling of the same name gives the same terms
    assertThat(terms(INDEX, "既存街路防犯灯LED化推進事業費")).isEqualTo(terms(INDEX, printed));
  }

  @Test
  void fullWidthDigitsAndSlashFold() throws IOException {
    assertThat(tokens(INDEX, "１０件／年")).containsExactly("10[0,2]+1/1", "件[2,3]+1/1", "年[4,5]+1/1");
  }

  @Test
  void halfWidthKatakanaWithSoundMarksFoldsAndKeepsOffsets() throws IOException {
    // 2 printed chars (ﾌﾟ) become one (プ): offsets still cover the printed span
    String printed = "ﾌﾟﾛﾓｰｼｮﾝ:+2回､情報PR:+1回､ｲﾍﾞﾝﾄ連携･協力:+1回";
    assertThat(tokens(INDEX, printed))
        .containsExactly(
            "プロモーション[0,8]+1/1",
            "2[10,11]+1/1",
            "回[11,12]+1/1",
            "情報[13,15]+1/1",
            "pr[15,17]+1/1",
            "1[19,20]+1/1",
            "回[20,21]+1/1",
            "イベント[22,27]+1/1",
            "連携[27,29]+1/1",
            "協力[30,32]+1/1",
            "1[34,35]+1/1",
            "回[35,36]+1/1");
    assertThat(printed.substring(22, 27)).isEqualTo("ｲﾍﾞﾝﾄ");
  }

  @Test
  void expandingCompatibilityCharactersKeepOffsets() throws IOException {
    // № becomes "No" (one printed char, two folded)
    assertThat(tokens(INDEX, "※H31.4より創業支援事業（№38）に統合"))
        .containsExactly(
            "h[1,2]+1/1",
            "31[2,4]+1/1",
            "4[5,6]+1/1",
            "創業[8,10]+2/1",
            "支援[10,12]+1/1",
            "事業[12,14]+1/1",
            "no[15,16]+1/1",
            "38[16,18]+1/1",
            "統合[20,22]+2/1");
  }

  @Test
  void kangxiRadicalsFoldToTheUnifiedIdeograph() throws IOException {
    // U+2F6C KANGXI RADICAL EYE, as some PDF producers emit for 目
    assertThat(tokens(INDEX, "\u2F6C標値(H31)"))
        .containsExactly("目標[0,2]+1/1", "値[2,3]+1/1", "h[4,5]+1/1", "31[5,7]+1/1");
    assertThat(terms(INDEX, "\u2F6C標値")).isEqualTo(terms(INDEX, "目標値"));
  }

  @Test
  void searchModeSplitsCompoundsAndDiscardsTheCompoundToken() throws IOException {
    // every token spans one position: no compound token that would make a graph
    assertThat(tokens(INDEX, "小樽市特定空家等住宅除却費助成事業費"))
        .containsExactly(
            "小樽[0,2]+1/1",
            "市[2,3]+1/1",
            "特定[3,5]+1/1",
            "空家[5,7]+1/1",
            "等[7,8]+1/1",
            "住宅[8,10]+1/1",
            "除[10,11]+1/1",
            "却[11,12]+1/1",
            "費[12,13]+1/1",
            "助成[13,15]+1/1",
            "事業[15,17]+1/1",
            "費[17,18]+1/1");
  }

  @Test
  void keepingTheCompoundTokenWouldFeedAGraphToTheSynonymFilter() throws IOException {
    // The trap this chain avoids: search mode with the compound token kept emits 特措法 (in the
    // dictionary) and its parts: a token spanning several positions. SynonymGraphFilter needs a
    // flat stream, and 空家 right before it is a synonym.
    Analyzer keepCompound =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(
                new org.apache.lucene.analysis.ja.JapaneseTokenizer(
                    null,
                    true,
                    false,
                    org.apache.lucene.analysis.ja.JapaneseTokenizer.Mode.SEARCH));
          }
        };
    String printed = "平成27年に空家特措法の全面施行を受け";
    assertThat(tokens(keepCompound, printed))
        .anyMatch(t -> t.startsWith("特措法[") && !t.endsWith("/1"));
    keepCompound.close();
    assertThat(tokens(INDEX, printed))
        .allMatch(t -> t.endsWith("/1"))
        .noneMatch(t -> t.startsWith("特措法"));
    assertThat(tokens(QUERY, printed))
        .contains("空家[6,8]+0/1", "空き家[6,8]+1/1")
        .allMatch(t -> t.endsWith("/1"));
  }

  @Test
  void baseFormsAndStopTagsLeaveGaps() throws IOException {
    // の, や, など, を are stopped (+2, +3 gaps); 行った → 行う
    assertThat(tokens(INDEX, "住宅の断熱改修や省エネ型設備機器などの省エネ改修を行った"))
        .containsExactly(
            "住宅[0,2]+1/1",
            "断熱[3,5]+2/1",
            "改修[5,7]+1/1",
            "省エネ[8,11]+2/1",
            "型[11,12]+1/1",
            "設備[12,14]+1/1",
            "機器[14,16]+1/1",
            "省エネ[19,22]+3/1",
            "改修[22,24]+1/1",
            "行う[25,27]+2/1");
  }

  @Test
  void indexChainHasNoSynonymsQueryChainHasAll() throws IOException {
    assertThat(tokens(INDEX, "空家等対策計画"))
        .containsExactly("空家[0,2]+1/1", "等[2,3]+1/1", "対策[3,5]+1/1", "計画[5,7]+1/1");
    assertThat(tokens(QUERY, "空家等対策計画"))
        .containsExactly("空き家[0,2]+1/1", "空家[0,2]+0/1", "等[2,3]+1/1", "対策[3,5]+1/1", "計画[5,7]+1/1");
    // a multi-token variant is a side path of the graph: ガラス | 硝子 | がる す
    assertThat(tokens(QUERY, "小樽ガラス"))
        .containsExactly("小樽[0,2]+1/1", "硝子[2,5]+1/2", "がる[2,5]+0/1", "ガラス[2,5]+0/2", "す[2,5]+1/1");
  }

  @Test
  void eachSynonymGroupExpandsEveryVariant() throws IOException {
    String[][] groups = {
      {"空き家", "空家"},
      {"硝子", "ガラス", "がらす"},
      {"子ども", "子供", "こども"},
      {"取組", "取組み", "取り組み"},
      {"受入", "受入れ", "受け入れ"},
      {"申込", "申込み", "申し込み"},
      {"問合せ", "問い合わせ", "問合わせ"},
      {"ごみ", "ゴミ"},
      {"ホームページ", "HP", "ＨＰ"},
    };
    for (String[] group : groups) {
      List<String> first = sortedTerms(QUERY, group[0]);
      for (String variant : group) {
        assertThat(sortedTerms(QUERY, variant)).as(variant).isEqualTo(first);
      }
    }
  }

  private static List<String> sortedTerms(Analyzer a, String s) throws IOException {
    List<String> t = terms(a, s);
    t.sort(null);
    return t;
  }

  @Test
  void theWholeReportAnalysesTheSameAsItsFoldedForm() throws IOException {
    // The char filters must fold exactly like Texts.fold (which the warehouse keys use), and the
    // offsets must always point at printed text whose folded form is the token (or its base form).
    List<String> pages = Fixtures.text("h31").pages();
    for (String page : pages) {
      assertThat(terms(INDEX, page)).isEqualTo(terms(INDEX, Texts.fold(page)));
    }
    String page = pages.get(9);
    int checked = 0;
    try (TokenStream ts = INDEX.tokenStream("text", page)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int lastStart = 0;
      while (ts.incrementToken()) {
        assertThat(o.startOffset()).isGreaterThanOrEqualTo(lastStart).isLessThan(o.endOffset());
        assertThat(o.endOffset()).isLessThanOrEqualTo(page.length());
        lastStart = o.startOffset();
        String span =
            Texts.fold(page.substring(o.startOffset(), o.endOffset())).toLowerCase(Locale.ROOT);
        if (span.equals(t.toString())) {
          checked++;
        }
      }
      ts.end();
    }
    assertThat(checked).isGreaterThan(100);
  }

  /** The chain before Latin joins: Kuromoji dropping punctuation itself, the same filters after. */
  static final Analyzer BEFORE_LATIN_JOINS =
      new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
          return JapaneseTextAnalyzer.foldingReader(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer tokenizer =
              new JapaneseTokenizer(null, true, true, JapaneseTokenizer.Mode.SEARCH);
          TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
          stream =
              new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
          stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
          stream = new JapaneseKatakanaStemFilter(stream);
          stream = new LowerCaseFilter(stream);
          return new TokenStreamComponents(tokenizer, stream);
        }
      };

  @Test
  void latinWordsJoinedByAHyphenAreIndexedJoinedWithTheirPartsAtOnePosition() throws IOException {
    // H31 p.27 prints 移動式Wi-Fi環境; the parts share the joined word's position, so a phrase
    // works on both sides of it
    assertThat(tokens(INDEX, "移動式Wi-Fi環境"))
        .containsExactly(
            "移動[0,2]+1/1",
            "式[2,3]+1/1",
            "wifi[3,8]+1/1",
            "wi[3,5]+0/1",
            "fi[6,8]+0/1",
            "環境[8,10]+1/1");
    // full-width (H31 prints 移動式Wi－Fi事業) and other hyphens and the middle dot give the same
    for (String printed : List.of("Ｗｉ－Ｆｉ", "Wi－Fi", "wi‐fi", "Wi–Fi", "WI・FI", "Wi･Fi")) {
      assertThat(terms(INDEX, printed)).as(printed).containsExactly("wifi", "wi", "fi");
    }
    // three parts: every run of adjacent parts
    assertThat(terms(INDEX, "e-Tax-App"))
        .containsExactly("etaxapp", "etax", "e", "taxapp", "tax", "app");
    // texts are not joined at spaces: Free Wi-Fi is free + wifi, not freewifi
    assertThat(terms(INDEX, "Free Wi-Fi")).containsExactly("free", "wifi", "wi", "fi");
  }

  @Test
  void onlyLettersOnBothSidesAreJoinedSoRangesAndJapaneseStayAsTheyWere() throws IOException {
    for (String printed :
        List.of("H27-H31", "1-2", "e-ラーニング", "コミュニティ・スクール", "Ｓ（スピード）", "LED・", "-LED", "A - B")) {
      assertThat(tokens(INDEX, printed)).as(printed).isEqualTo(tokens(BEFORE_LATIN_JOINS, printed));
    }
    // ・ between katakana words: the joined spelling gives the same words
    assertThat(terms(INDEX, "コミュニティ・スクール")).isEqualTo(terms(INDEX, "コミュニティスクール"));
  }

  @Test
  void queriesExpandAJoinedWordIntoTheGraphOfItsJoinedAndSpacedForms() throws IOException {
    // the query chain joins at a space too (inside a phrase); WordDelimiterGraphFilter makes
    // wifi | wi fi
    for (String typed : List.of("wi-fi", "Ｗｉ－Ｆｉ", "wi fi", "Wi・Fi")) {
      assertThat(tokens(QUERY, typed))
          .as(typed)
          .containsExactly("wifi[0,5]+1/2", "wi[0,5]+0/1", "fi[0,5]+1/1");
    }
    assertThat(tokens(QUERY, "wifi")).containsExactly("wifi[0,4]+1/1");
  }

  @Test
  void apartFromLatinJoinsEveryReportPageAnalysesAsBefore() throws IOException {
    // LatinJoinFilter drops the punctuation the tokenizer used to drop: with the joiners between
    // Latin letters made spaces (which join nothing in texts), the tokens are exactly the old ones
    java.util.regex.Pattern joiner =
        java.util.regex.Pattern.compile("(?<=[A-Za-zＡ-Ｚａ-ｚ])[-‐‑‒–—﹣・･·－](?=[A-Za-zＡ-Ｚａ-ｚ])");
    int joins = 0;
    for (String sample : List.of("h31", "h30")) {
      for (String page : Fixtures.text(sample).pages()) {
        String spaced = joiner.matcher(page).replaceAll(" ");
        joins += spaced.equals(page) ? 0 : 1;
        assertThat(tokens(INDEX, spaced)).isEqualTo(tokens(BEFORE_LATIN_JOINS, page));
      }
    }
    assertThat(joins).isPositive();
    // every BMP char (no surrogates) between kana and between Latin letters, 256 at a time
    for (int block = 0; block <= 0xFF00; block += 0x100) {
      StringBuilder all = new StringBuilder();
      for (int c = block; c < block + 0x100; c++) {
        String folded = Texts.fold(String.valueOf((char) c));
        // a joiner after NFKC (U+0387 is the middle dot U+00B7) joins, as it should
        if (!Character.isSurrogate((char) c)
            && folded.chars().noneMatch(f -> LatinJoinFilter.isJoiner((char) f))) {
          all.append("あ").append((char) c).append("いAb").append((char) c).append("Bc\n");
        }
      }
      assertThat(tokens(INDEX, all.toString()))
          .as("U+%04X..", block)
          .isEqualTo(tokens(BEFORE_LATIN_JOINS, all.toString()));
    }
  }

  @Test
  void radicalsInAQueryFoldToTheIdeographs() throws IOException {
    // a query pasted from a producer's text: supplement radicals and ⼾ (which NFKC makes 戶)
    assertThat(terms(QUERY, "市\u2EA0")).isEqualTo(terms(QUERY, "市民"));
    assertThat(terms(QUERY, "市\u2ED1")).isEqualTo(terms(QUERY, "市長"));
    assertThat(tokens(INDEX, "借上住\u2F3E数")).isEqualTo(tokens(INDEX, "借上住戸数"));
  }
}
