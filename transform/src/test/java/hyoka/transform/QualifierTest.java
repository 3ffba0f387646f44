package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The qualifier vocabulary: one list of words, from which Values builds its patterns. */
class QualifierTest {
  /** Every written form, as "label:word" (each alternative is \\Qword\\E). */
  private static List<String> words() {
    List<String> out = new ArrayList<>();
    for (String w : Qualifier.alternatives(x -> true).split("\\|")) {
      String text = w.substring(2, w.length() - 2);
      out.add(Qualifier.of(text) + ":" + text);
    }
    return out;
  }

  /**
   * Each word names its own qualifier and no other ({@link Qualifier#of} looks for words in a
   * cell's text: a word of one class inside a word of another would give both).
   */
  @Test
  void eachWordNamesItsQualifierAlone() {
    assertThat(words()).allSatisfy(w -> assertThat(w).doesNotContain(",").doesNotStartWith("null"));
    assertThat(words())
        .contains(
            "approximate:約",
            "approximate:程度",
            "estimate:見込み値",
            "estimate:推定",
            "provisional:速報値",
            "at_least:以上",
            "at_most:以下",
            "below:未満",
            "above:超");
  }

  /** The alternatives are quoted and the longest first, so an alternation takes 見込み値 whole. */
  @Test
  void alternativesAreQuotedLongestFirst() {
    String before = Qualifier.alternatives(Qualifier.Word::before);
    assertThat(before.split("\\|"))
        .containsExactly(
            "\\Qおおむね\\E",
            "\\Qおよそ\\E",
            "\\Q推定値\\E",
            "\\Q暫定値\\E",
            "\\Q速報値\\E",
            "\\Q推定\\E",
            "\\Q暫定\\E",
            "\\Q概ね\\E",
            "\\Q速報\\E",
            "\\Q約\\E");
    Pattern after = Pattern.compile(Qualifier.alternatives(Qualifier.Word::after));
    java.util.regex.Matcher m = after.matcher("見込み値");
    assertThat(m.lookingAt()).isTrue();
    assertThat(m.group()).isEqualTo("見込み値");
    assertThat(Qualifier.firstChars(Qualifier.Word::before)).isEqualTo("約概お推暫速");
  }
}
