package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.ParsedReport;
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

  /** {@code text} with {@code from}, which it must print exactly once, replaced by {@code to}. */
  static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as(from).isGreaterThanOrEqualTo(0);
    assertThat(text.indexOf(from, at + 1)).as("once: " + from).isEqualTo(-1);
    return text.replace(from, to);
  }
}
