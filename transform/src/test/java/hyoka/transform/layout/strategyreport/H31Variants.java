package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.ReportText;
import hyoka.transform.Semantics;
import java.util.List;

/**
 * The FY2019 report's Tika text (a test fixture, extracted from the city's PDF) as the variant
 * tests rewrite it: the text, what its parse holds ({@link Semantics#of}), a parse of a rewritten
 * copy, and a rewrite that must hit exactly one place.
 */
final class H31Variants {
  private static final EvaluationReportParser PARSER = new EvaluationReportParser();

  /** The fixture's text, pages joined as the extractor gives them. */
  static final String TEXT = Fixtures.text("h31").joined();

  /** Every project, KPI, item, text and residue line of the fixture's parse, with its page. */
  static final List<String> SEMANTICS = Semantics.of(parse(TEXT));

  private H31Variants() {}

  static ParsedReport parse(String text) {
    return PARSER.parse(ReportText.of("h31.pdf", text));
  }

  /**
   * {@code text} with the KPI table's header years written out as 平成 and 令和 ({@code 令和元年度}, {@code
   * 平成30年度実績値}, {@code 目標値(令和元年度)}), as other years' reports print them.
   */
  static String reiwaHeaders(String text) {
    String out =
        text.replace("\nH31年度\n", "\n令和元年度\n")
            .replace("H30実績値", "平成30年度実績値")
            .replace("目標値(H31)", "目標値(令和元年度)");
    assertThat(out).contains("\n令和元年度\n", "平成30年度実績値", "目標値(令和元年度)");
    return out;
  }

  /**
   * The parse {@code r} has the sample's 62 projects, 73 KPIs and 3 unknown lines, and every
   * project but {@code projectNo} exactly as in {@code original} (a {@link #SEMANTICS} of the text
   * it was made from); {@code as} names the variant in a failure.
   */
  static void onlyThisProjectChanged(
      ParsedReport r, List<String> original, int projectNo, String as) {
    assertThat(r.projects()).as(as).hasSize(62);
    assertThat(r.kpiCount()).as(as).isEqualTo(73);
    assertThat(r.unknownResidue()).as(as).isEqualTo(3);
    assertThat(Semantics.allBut(Semantics.of(r), projectNo))
        .as(as)
        .containsExactlyElementsOf(Semantics.allBut(original, projectNo));
  }

  /** A value as the tests write it: number or null(reason), unit, «printed», [qualifier]. */
  static String shown(PrintedValue v) {
    return (v.isKnown() ? v.value().toPlainString() : "null(" + v.nullReason() + ")")
        + (v.unit() == null ? "" : " " + v.unit())
        + " «"
        + v.printed()
        + "»"
        + (v.qualifier() == null ? "" : " [" + v.qualifier() + "]");
  }

  /** {@code text} with {@code from}, which it must print exactly once, replaced by {@code to}. */
  static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as(from).isGreaterThanOrEqualTo(0);
    assertThat(text.indexOf(from, at + 1)).as("once: " + from).isEqualTo(-1);
    return text.replace(from, to);
  }
}
