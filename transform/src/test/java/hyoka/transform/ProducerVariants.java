package hyoka.transform;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rewrites a report's text the way other PDF producers print the same report: spaces between
 * Latin/digits and Japanese, Kangxi radicals and CJK compatibility ideographs, other space and
 * tilde characters, full-width or half-width forms, more or fewer blank lines. None of these
 * changes the meaning, so the parse must not change either.
 */
public final class ProducerVariants {
  private ProducerVariants() {}

  private static final String JAPANESE = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々]";

  /** `18棟` → `18 棟`, `H31年度` → `H31 年度`, `基準値(H26)` → `基準値( H26 )`; labels indented. */
  public static String spaced(String text) {
    String s = text;
    s = s.replaceAll("([A-Za-z0-9])(?=" + JAPANESE + ")", "$1 ");
    s = s.replaceAll("(" + JAPANESE + ")(?=[A-Za-z0-9])", "$1 ");
    s = s.replaceAll("\\((?=[A-Za-z0-9])", "( ");
    s = s.replaceAll("([A-Za-z0-9])\\)", "$1 )");
    return Pattern.compile("^(?=《|\\[目標値]|●|概要：|目的：|➭|目標値|実績値|補正前)", Pattern.MULTILINE)
        .matcher(s)
        .replaceAll("  ");
  }

  private static final Map<Character, Character> RADICALS =
      Map.ofEntries(
          Map.entry('目', '\u2F6C'),
          Map.entry('人', '\u2F08'),
          Map.entry('大', '\u2F24'),
          Map.entry('小', '\u2F29'),
          Map.entry('子', '\u2F26'),
          Map.entry('金', '\u2FA6'),
          Map.entry('見', '\u2F92'),
          Map.entry('行', '\u2F8F'),
          Map.entry('生', '\u2F63'),
          Map.entry('支', '\u2F40'),
          Map.entry('用', '\u2F64'),
          Map.entry('日', '\u2F47'),
          Map.entry('率', '\uF961'),
          Map.entry('路', '\uF937'),
          Map.entry('累', '\uF94F'),
          Map.entry('北', '\uF963'),
          Map.entry('\u3000', '\u2003'),
          Map.entry('～', '〜'));

  /** Kangxi radicals and compatibility ideographs for common ideographs, U+2003, 〜. */
  public static String radicals(String text) {
    return mapChars(text, RADICALS);
  }

  private static String mapChars(String text, Map<Character, Character> map) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(map.getOrDefault(c, c));
    }
    return b.toString();
  }

  /**
   * Ideographs that producers print as radicals NFKC leaves alone or folds to another form: the CJK
   * Radicals Supplement (⺠ 民, ⻑ 長, ⻄ 西, ⻘ 青, ⻝ 食) and the Kangxi radical ⼾ (NFKC: 戶).
   */
  private static final Map<Character, Character> RADICALS_NFKC_MISSES =
      Map.of(
          '民', '\u2EA0',
          '長', '\u2ED1',
          '西', '\u2EC4',
          '青', '\u2ED8',
          '食', '\u2EDD',
          '戸', '\u2F3E',
          '目', '\u2F6C',
          '見', '\u2F92');

  /** Radicals only, including those NFKC does not fold to the Japanese ideograph. */
  public static String radicalsNfkcMisses(String text) {
    return mapChars(text, RADICALS_NFKC_MISSES);
  }

  private static final String WIDE_SIGNS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%+-.,:/()";

  /** ASCII digits, letters and signs as their full-width forms. */
  public static String fullWidth(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(WIDE_SIGNS.indexOf(c) >= 0 ? (char) (c - 0x21 + 0xFF01) : c);
    }
    return b.toString();
  }

  /** Full-width digits, letters and signs as ASCII (the dash `－` kept: it means "no value"). */
  public static String halfWidth(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean wide = c >= '\uFF01' && c <= '\uFF5E' && c != '\uFF0D' && c != '\uFF5E';
      b.append(wide ? (char) (c - 0xFF01 + 0x21) : c);
    }
    return b.toString();
  }

  /** No blank line anywhere. */
  public static String noBlankLines(String text) {
    return text.replaceAll("(?m)^[ \\t]*\\n", "");
  }

  /** Three blank lines at every page break and two after every line. */
  public static String manyBlankLines(String text) {
    String pages = text.replace("\f", "\n\n\n\f\n\n\n");
    return pages.replaceAll("([^\\n])\\n", "$1\n\n\n");
  }
}
