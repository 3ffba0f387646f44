package hyoka.transform.layout.kpisheet;

import hyoka.transform.Grading;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ReportText;
import hyoka.transform.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sheet files as other producers, cities and years would print them, made from the fixtures: a
 * word processor's natural reading order with its spaces between Japanese and Latin text, other
 * spellings of the labels, 令和 years, and damaged copies. None of the variants but the damaged ones
 * changes what the sheets say.
 */
final class SheetVariants {
  private SheetVariants() {}

  private static final String JAPANESE = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々]";

  /**
   * A word processor's spacing: a space wherever kana or kanji meet a Latin letter or a digit
   * ({@code 18 棟}, {@code 平成 30 年度}, {@code 5 年累計}).
   */
  static String wordProcessorSpacing(String text) {
    String s = text.replaceAll("([A-Za-z0-9%])(?=" + JAPANESE + ")", "$1 ");
    return s.replaceAll("(" + JAPANESE + ")(?=[A-Za-z0-9+])", "$1 ");
  }

  /** ASCII digits as their full-width forms (１８棟, Ｈ２７). */
  static String fullWidthDigits(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
    }
    return b.toString();
  }

  /** The text with line-start labels respelled ({@code (?m)^label} → replacement). */
  static ReportText relabel(ReportText text, String... pairs) {
    String s = text.joined();
    for (int i = 0; i < pairs.length; i += 2) {
      s = Pattern.compile(pairs[i], Pattern.MULTILINE).matcher(s).replaceAll(pairs[i + 1]);
    }
    return ReportText.of(text.sourceFile(), s);
  }

  /** One city's spellings: 基準値, 担当課, 実績, 目標, 達成度, 評定, 進捗, シートNo., KPI1, 【評価基準】Ａ：… */
  static ReportText relabelledA(ReportText text) {
    return relabel(
        text,
        "^基本目標 ",
        "政策目標：",
        "^個別施策",
        "施策名",
        "^ＫＰＩ その(\\d+)",
        "KPI$1",
        "^指標担当部課等",
        "担当課",
        "^区分 従前値 ",
        "年度 基準値 ",
        "^区分 ",
        "年度 ",
        "従前値（",
        "基準値（",
        "目標値（",
        "目標（",
        "^実績値 ",
        "実績 ",
        "^単位( |$)",
        "単位：",
        "^達成率 (\\S+) 評価 (\\S*) ?進捗状況 ",
        "達成度 $1 評定 $2 進捗 ",
        "^設定根拠",
        "目標値の設定根拠",
        "^今後の取組$",
        "今後の方向性",
        "^効果発現要因（総合\\n所見）$",
        "総合所見",
        "シート番号 ",
        "シートNo.",
        "^評価基準：.*$",
        "【評価基準】Ａ：100％以上、Ｂ：80％以上～100％未満、Ｃ：50％以上～80％未満、Ｄ：50％未満、－：実績なし");
  }

  /** Another city's: 策定時, 所管課, 評価結果 on lines of their own, 判定基準 with A=… in half width. */
  static ReportText relabelledB(ReportText text) {
    return relabel(
        text,
        "^基本目標 ",
        "基本方針 ",
        "^個別施策",
        "具体的施策",
        "^ＫＰＩ その(\\d+)",
        "ＫＰＩ（その$1）",
        "^指標担当部課等",
        "所管課",
        "従前値（",
        "策定時（",
        "^区分 従前値 ",
        "区分 策定時 ",
        "^達成率 (\\S+) 評価 (\\S*) ?進捗状況 (\\S+)$",
        "達成率 $1\n\n\n評定 $2\n\n\n進捗状況 $3",
        "^今後の取組$",
        "今後の取組み",
        "^評価基準：.*$",
        "※判定基準：A=100%以上 B=80%以上100%未満 C=50%以上80%未満 D=50%未満 -=実績なし");
  }

  /** The grid and title four years on: 令和５年度, 従前値（H30）, R1 … R5, 目標値（R5）; 2015 → 2019. */
  static ReportText reiwa(ReportText text) {
    String s = text.joined();
    s = s.replaceAll("(?m)^区分 (従前値 )?H27 H28 H29 H30 H31$", "区分 $1R1 R2 R3 R4 R5");
    s = s.replace("令和元年度実績評価シート", "令和５年度実績評価シート");
    // 従前値（H26）→（H30）, （H27）→（R元）, （H28）→（R2）, 目標値（H31）→（R5）
    Matcher m = Pattern.compile("(従前値|目標値)（H(\\d\\d)）").matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      int western = 1988 + Integer.parseInt(m.group(2)) + 4;
      String era =
          western <= 2018
              ? "H" + (western - 1988)
              : western == 2019 ? "R元" : "R" + (western - 2018);
      m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "（" + era + "）"));
    }
    m.appendTail(b);
    return ReportText.of(text.sourceFile(), b.toString());
  }

  /** The text with page {@code page} (1-based) rewritten. */
  static ReportText page(ReportText text, int page, UnaryOperator<String> edit) {
    List<String> pages = new ArrayList<>(text.pages());
    pages.set(page - 1, edit.apply(pages.get(page - 1)));
    return new ReportText(text.sourceFile(), pages);
  }

  /** Page {@code page} cut to its lines from {@code from} (inclusive) to {@code to} (exclusive). */
  static ReportText cut(ReportText text, int page, int from, int to) {
    return page(
        text,
        page,
        p -> {
          List<String> ls = ReportText.lines(p);
          return String.join("\n", ls.subList(from, Math.min(to, ls.size())));
        });
  }

  /**
   * The sheets re-printed in a word processor's natural reading order from a parse of them: row by
   * row, each label beside its value, the title with シート番号 first and the footer last, the texts
   * under their labels in lines of 50 characters.
   */
  static ReportText natural(ParsedReport r) {
    List<String> pages = new ArrayList<>();
    for (Project p : r.projects()) {
      for (Kpi k : p.kpis()) {
        List<String> paras = new ArrayList<>();
        paras.add(r.title() + " シート番号 " + p.projectNo() + "-" + k.kpiNo());
        paras.add("基本目標 " + p.groupNo() + "　" + p.groupName());
        paras.add("個別施策 " + p.name());
        paras.add("ＫＰＩ その" + k.kpiNo() + " " + k.name());
        paras.add("指標担当部課等 " + p.department() + "　" + p.section());
        StringBuilder head = new StringBuilder("区分");
        StringBuilder row = new StringBuilder("実績値");
        for (KpiValue v : k.values()) {
          String y = v.fiscalYear() == null ? "" : "H" + (v.fiscalYear() - 1988);
          head.append(' ')
              .append(
                  v.kind() == ValueKind.BASELINE
                      ? "従前値" + (y.isEmpty() ? "" : "（" + y + "）")
                      : v.kind() == ValueKind.TARGET ? "目標値（" + y + "）" : y);
          row.append(' ').append(v.value().printed());
        }
        paras.add(head.toString());
        paras.add(row.toString());
        paras.add("単位 " + (k.unit() == null ? "―" : k.unit()));
        Grading g = k.grading();
        paras.add(
            "達成率 "
                + g.achievement().printed()
                + " 評価 "
                + g.gradePrinted()
                + " 進捗状況 "
                + (g.progress() == null ? "－" : g.progress()));
        paras.add("設定根拠 " + (k.targetBasis() == null ? "" : k.targetBasis()));
        boolean first = k == p.kpis().get(0);
        paras.add("効果発現要因（総合所見）");
        paras.add(first ? wrapped(text(p, NarrativeKind.EFFECT_FACTORS)) : "（その1に記載）");
        paras.add("今後の取組");
        paras.add(first ? wrapped(text(p, NarrativeKind.FUTURE_WORK)) : "（その1に記載）");
        paras.add(r.gradeLegend().printed());
        paras.add("- " + k.page() + " -");
        pages.add(String.join("\n\n", paras) + "\n");
      }
    }
    return new ReportText(r.sourceFile(), pages);
  }

  private static String text(Project p, NarrativeKind kind) {
    for (Narrative n : p.narratives()) {
      if (n.kind() == kind) {
        return n.text();
      }
    }
    throw new IllegalArgumentException("P" + p.projectNo() + " has no " + kind);
  }

  private static String wrapped(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i += 50) {
      if (i > 0) {
        b.append('\n');
      }
      b.append(text, i, Math.min(text.length(), i + 50));
    }
    return b.toString();
  }
}
