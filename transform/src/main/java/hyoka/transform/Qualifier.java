package hyoka.transform;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a value cell prints around its number to say that it is not a plain measured figure: the
 * closed vocabulary of {@code kpi_values.qualifier} and {@code kpis.*_qualifier} (docs/schema.md,
 * "Conventions"). The number itself is read as printed whatever the qualifier: {@code 180件以上} is
 * 180 at least, not 181.
 */
public enum Qualifier {
  /** 約, 概ね, おおむね, およそ (before the number), 程度 (after it): an approximate figure. */
  APPROXIMATE(List.of("約", "概ね", "おおむね", "およそ", "程度")),
  /** 見込, 見込み, 見込値, 推計, 推定: an estimate, the year not yet closed or not measured. */
  ESTIMATE(List.of("見込", "推計", "推定")),
  /** 暫定, 速報: a provisional figure, to be revised. */
  PROVISIONAL(List.of("暫定", "速報")),
  /** 以上: the number or more. */
  AT_LEAST(List.of("以上")),
  /** 以下: the number or less. */
  AT_MOST(List.of("以下")),
  /** 未満: less than the number. */
  BELOW(List.of("未満")),
  /** 超: more than the number. */
  ABOVE(List.of("超"));

  /** The folded words that mark it (見込 also in 見込み, 見込値; 暫定 in 暫定値). */
  private final List<String> words;

  Qualifier(List<String> words) {
    this.words = words;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
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
        for (String w : q.words) {
          if (piece.contains(w)) {
            found.add(q);
          }
        }
      }
    }
    return found.isEmpty()
        ? null
        : found.stream().map(Qualifier::label).collect(Collectors.joining(","));
  }
}
