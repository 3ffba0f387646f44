package hyoka.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
  static void dump(Analyzer a, String s) throws IOException {
    StringBuilder b = new StringBuilder(s + " =>");
    try (TokenStream ts = a.tokenStream("text", s)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute pi = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute pl = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        b.append(" ").append(t).append("[").append(o.startOffset()).append(",").append(o.endOffset()).append("]+").append(pi.getPositionIncrement()).append("/").append(pl.getPositionLength());
      }
      ts.end();
    }
    System.out.println(b);
  }

  @Test
  void scratch() throws IOException {
    Analyzer i = JapaneseTextAnalyzer.forIndex();
    Analyzer q = JapaneseTextAnalyzer.forQuery();
    for (String s : new String[] {"ﾌﾟﾛﾓｰｼｮﾝ:+2回､情報PR:+1回､ｲﾍﾞﾝﾄ連携･協力:+1回", "※H31.4より創業支援事業（№38）に統合", "既存街路防犯灯ＬＥＤ化推進事業費", "ＬＥＤ新設19灯、ＬＥＤ改良11灯", "⽬標値(H31)", "住宅の断熱改修や省エネ型設備機器などの省エネ改修を行った", "小樽市特定空家等住宅除却費助成事業費", "移住体験ツアーなど、より効果的なものとなるよう", "がらす", "小樽ガラス", "平成31年度実施内容", "子どもの貧困対策"}) {
      dump(i, s);
      dump(q, s);
    }
  }
}
