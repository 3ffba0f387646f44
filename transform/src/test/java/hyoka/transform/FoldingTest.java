package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link Texts#fold} and {@link FoldedText#of} give exactly what plain NFKC
 * folding gives: checked against a straightforward reference on every char they skip NFKC for and
 * on every line of the sample texts as other producers print them.
 */
class FoldingTest {
  /** Texts.fold without its fast path: radicals, NFKC, then the tilde and minus foldings. */
  private static String referenceFold(String s) {
    String n = Normalizer.normalize(Radicals.fold(s), Normalizer.Form.NFKC);
    return n.replace('\u301C', '~').replace('\u2053', '~').replace('\u2212', '-');
  }

  /** FoldedText.of without its fast path: each code point folded on its own. */
  private static String referenceFolded(String printed) {
    StringBuilder b = new StringBuilder();
    printed
        .codePoints()
        .forEach(
            cp ->
                b.append(
                    Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                        ? " "
                        : referenceFold(new String(Character.toChars(cp)))));
    return b.toString();
  }

  private static List<String> sampleLines() {
    String h31 = Fixtures.text("h31").joined();
    List<String> texts =
        List.of(
            h31,
            Fixtures.text("h30").joined(),
            ProducerVariants.spaced(h31),
            ProducerVariants.radicals(h31),
            ProducerVariants.fullWidth(h31),
            ProducerVariants.halfWidth(h31));
    List<String> lines = new ArrayList<>();
    for (String t : texts) {
      lines.addAll(List.of(t.split("[\r\n\f]", -1)));
    }
    return lines;
  }

  @Test
  void everyCharTakenForStableFoldsToItselfAndComposesWithNothing() {
    int stable = 0;
    for (int c = 0; c <= 0xFFFF; c++) {
      if (!Texts.foldsToItself((char) c)) {
        continue;
      }
      stable++;
      String s = String.valueOf((char) c);
      assertThat(referenceFold(s)).as("U+%04X", c).isEqualTo(s);
      assertThat(referenceFolded(s)).as("U+%04X", c).isEqualTo(s);
      // a starter that no mark follows in a string of such chars: nothing to compose
      int type = Character.getType(c);
      assertThat(type)
          .as("U+%04X", c)
          .isNotIn(
              (int) Character.NON_SPACING_MARK,
              (int) Character.COMBINING_SPACING_MARK,
              (int) Character.ENCLOSING_MARK,
              (int) Character.SURROGATE);
      assertThat(Normalizer.isNormalized("か" + s + "A" + s + "語", Normalizer.Form.NFKC))
          .as("U+%04X", c)
          .isTrue();
    }
    // ASCII, kana, CJK punctuation and the unified ideographs
    assertThat(stable).isGreaterThan(21_000);
    assertThat(Texts.foldsToItself('ｽ')).isFalse();
    assertThat(Texts.foldsToItself('Ｈ')).isFalse();
    assertThat(Texts.foldsToItself('\u3000')).isFalse();
    assertThat(Texts.foldsToItself('\u301C')).isFalse();
  }

  @Test
  void fullWidthAsciiIsAsciiAfterNfkc() {
    for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
      assertThat(Texts.isFullWidthAscii(c)).isTrue();
      assertThat(String.valueOf(Texts.fullWidthToAscii(c))).isEqualTo(referenceFold("" + c));
    }
    assertThat(Texts.isFullWidthAscii('\uFF00')).isFalse();
    assertThat(Texts.isFullWidthAscii('\uFF5F')).isFalse();
  }

  @Test
  void foldIsNfkcOnEverySampleLineAndEveryChar() {
    for (String line : sampleLines()) {
      assertThat(Texts.fold(line)).isEqualTo(referenceFold(line));
    }
    for (int c = 0; c <= 0xFFFF; c++) {
      for (String s : List.of("H31" + (char) c + "年度", "Ｈ３１" + (char) c + "～（ｽ）")) {
        assertThat(Texts.fold(s)).as("U+%04X", c).isEqualTo(referenceFold(s));
      }
    }
  }

  @Test
  void foldedTextIsTheCodePointFoldingOnEverySampleLineAndEveryChar() {
    for (String line : sampleLines()) {
      assertSameFolding(line);
    }
    // every char, in strings of 256 (the checks below are quadratic in the length)
    for (int block = 0; block <= 0xFF00; block += 0x100) {
      StringBuilder b = new StringBuilder();
      for (int c = block; c < block + 0x100; c++) {
        if (!Character.isSurrogate((char) c)) {
          b.append((char) c);
        }
      }
      assertSameFolding(b.toString());
    }
    assertSameFolding(
        new StringBuilder("x")
            .appendCodePoint(0x2F8A6)
            .appendCodePoint(0x1D400)
            .append("\uD800x\uDC00")
            .toString());
  }

  @Test
  void foldingTwiceIsFoldingOnceAndLeavesNoWhitespaceButSpace() {
    // the classifier reads a line's folded form as if folded again and strips only spaces
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (!Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE) {
        continue;
      }
      String folded = FoldedText.of(new String(Character.toChars(cp))).folded();
      assertThat(FoldedText.of(folded).folded()).as("U+%04X", cp).isEqualTo(folded);
      for (int i = 0; i < folded.length(); i++) {
        char c = folded.charAt(i);
        assertThat(c == ' ' || !Character.isWhitespace(c)).as("U+%04X", cp).isTrue();
      }
    }
  }

  private static void assertSameFolding(String printed) {
    FoldedText t = FoldedText.of(printed);
    String folded = referenceFolded(printed);
    assertThat(t.folded()).isEqualTo(folded);
    // the map back to the printed text: folded char k came from the code point at origin[k]
    int[] origin = new int[folded.length() + 1];
    int k = 0;
    for (int i = 0; i < printed.length(); ) {
      int cp = printed.codePointAt(i);
      int n = Character.charCount(cp);
      String f =
          Character.isWhitespace(cp) || Character.isSpaceChar(cp)
              ? " "
              : referenceFold(printed.substring(i, i + n));
      for (int j = 0; j < f.length(); j++) {
        origin[k++] = i;
      }
      i += n;
    }
    origin[k] = printed.length();
    for (k = 0; k < folded.length(); k++) {
      assertThat(t.printedOf(k, k + 1)).isEqualTo(referencePrintedOf(printed, origin, k, k + 1));
      assertThat(t.printedOf(0, k)).isEqualTo(referencePrintedOf(printed, origin, 0, k));
    }
  }

  private static String referencePrintedOf(String printed, int[] origin, int start, int end) {
    if (start >= end) {
      return "";
    }
    int from = origin[start];
    int to = end >= origin.length - 1 ? printed.length() : origin[end];
    if (to <= from) {
      to = Math.min(printed.length(), from + Character.charCount(printed.codePointAt(from)));
    }
    return printed.substring(from, to);
  }
}
