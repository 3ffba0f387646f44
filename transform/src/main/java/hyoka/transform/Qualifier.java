package hyoka.transform;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a value cell prints around its number to say that it is not a plain measured figure: the
 * closed vocabulary of {@code kpi_values.qualifier} and {@code kpis.*_qualifier} (docs/schema.md,
 * "Conventions"). The number itself is read as printed whatever the qualifier: {@code 180件以上} is
 * 180 at least, not 181.
 *
 * <p>The words are listed here once, each with where a cell prints it; {@link Values} builds its
 * patterns from them ({@link #alternatives}), so adding a word is one change.
 */
public enum Qualifier {
  /** 約, 概ね, おおむね, およそ (before the number), 程度, ほど, 前後 (after it): an approximate figure. */
  APPROXIMATE(before("約", "概ね", "おおむね", "およそ"), after("程度", "ほど", "前後")),
  /** 見込, 見込み, 見込値, 推計, 推定, 見通し: an estimate, the year not yet closed or not measured. */
  ESTIMATE(
      afterOrInParentheses("見込", "見込み", "見込値", "見込み値", "推計", "推計値", "見通し", "見通し値"),
      anywhere("推定", "推定値")),
  /** 暫定, 速報: a provisional figure, to be revised. */
  PROVISIONAL(anywhere("暫定", "暫定値", "速報", "速報値")),
  /** 以上: the number or more. */
  AT_LEAST(after("以上")),
  /** 以下, 以内: the number or less. */
  AT_MOST(after("以下", "以内")),
  /** 未満: less than the number. */
  BELOW(after("未満")),
  /** 超: more than the number. */
  ABOVE(after("超"));

  /**
   * One written form of a qualifier and where a cell prints it.
   *
   * @param before bare before the number ({@code 約220件}, {@code 暫定値 220件})
   * @param after bare after the unit, or after the number when there is none ({@code 220件程度})
   * @param inParentheses in parentheses, before the number or after the value ({@code 220件（見込）})
   */
  record Word(String text, boolean before, boolean after, boolean inParentheses) {}

  /** Its folded written forms. */
  private final List<Word> words;

  Qualifier(List<Word> words) {
    this.words = words;
  }

  Qualifier(List<Word> words, List<Word> more) {
    this(Stream.concat(words.stream(), more.stream()).toList());
  }

  private static List<Word> before(String... texts) {
    return Stream.of(texts).map(t -> new Word(t, true, false, false)).toList();
  }

  private static List<Word> after(String... texts) {
    return Stream.of(texts).map(t -> new Word(t, false, true, false)).toList();
  }

  private static List<Word> afterOrInParentheses(String... texts) {
    return Stream.of(texts).map(t -> new Word(t, false, true, true)).toList();
  }

  private static List<Word> anywhere(String... texts) {
    return Stream.of(texts).map(t -> new Word(t, true, true, true)).toList();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The written forms of every qualifier that {@code where} accepts as a regex alternation, each
   * quoted, the longest first (so that an alternation tried in order takes 見込み値 before 見込).
   */
  static String alternatives(Predicate<Word> where) {
    return Stream.of(values())
        .flatMap(q -> q.words.stream())
        .filter(where)
        .map(Word::text)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(t -> t))
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }

  /** The first chars of the written forms that {@code where} accepts, each once. */
  static String firstChars(Predicate<Word> where) {
    return Stream.of(values())
        .flatMap(q -> q.words.stream())
        .filter(where)
        .map(w -> w.text().substring(0, 1))
        .distinct()
        .collect(Collectors.joining());
  }

  /**
   * The qualifiers the given folded pieces of a value cell name (the text before its number, and
   * what follows its unit), as stored: comma-separated in the order of this enum, each once; null
   * when they name none.
   */
  public static String of(String... pieces) {
    Set<Qualifier> found = EnumSet.noneOf(Qualifier.class);
    for (String piece : pieces) {
      if (piece == null || piece.isEmpty()) {
        continue;
      }
      for (Qualifier q : values()) {
        for (Word w : q.words) {
          if (piece.contains(w.text())) {
            found.add(q);
            break;
          }
        }
      }
    }
    return found.isEmpty()
        ? null
        : found.stream().map(Qualifier::label).collect(Collectors.joining(","));
  }
}
