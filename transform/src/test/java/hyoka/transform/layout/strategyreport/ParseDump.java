package hyoka.transform.layout.strategyreport;

import hyoka.transform.Fixtures;
import hyoka.transform.ParsedReport;
import hyoka.transform.ProducerVariants;
import hyoka.transform.Project;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes every field of the parse of the sample texts (both reports, the text without form feeds
 * and the producer variants) in one canonical text form, so that a change meant to keep the output
 * (a performance change) can be checked byte for byte against the output before it. Not a test: run
 * it by hand before and after the change and compare the files.
 *
 * <pre>
 * mvn -q -o -pl transform -am test-compile
 * java -cp transform/target/classes:transform/target/test-classes hyoka.transform.layout.strategyreport.ParseDump out.txt
 * </pre>
 */
final class ParseDump {
  private ParseDump() {}

  public static void main(String[] args) throws IOException {
    String h31 = Fixtures.text("h31").joined();
    Map<String, ReportText> texts = new LinkedHashMap<>();
    texts.put("h31", Fixtures.text("h31"));
    texts.put("h30", Fixtures.text("h30"));
    texts.put("h31-plain", ReportText.of("h31.pdf", Fixtures.plainText("h31")));
    texts.put("h30-plain", ReportText.of("h30.pdf", Fixtures.plainText("h30")));
    texts.put("h31-spaced", ReportText.of("h31.pdf", ProducerVariants.spaced(h31)));
    texts.put("h31-radicals", ReportText.of("h31.pdf", ProducerVariants.radicals(h31)));
    texts.put("h31-fullWidth", ReportText.of("h31.pdf", ProducerVariants.fullWidth(h31)));
    texts.put("h31-halfWidth", ReportText.of("h31.pdf", ProducerVariants.halfWidth(h31)));
    texts.put("h31-noBlankLines", ReportText.of("h31.pdf", ProducerVariants.noBlankLines(h31)));
    texts.put("h31-manyBlankLines", ReportText.of("h31.pdf", ProducerVariants.manyBlankLines(h31)));
    texts.put(
        "h31-allAtOnce",
        ReportText.of(
            "h31.pdf",
            ProducerVariants.noBlankLines(
                ProducerVariants.fullWidth(
                    ProducerVariants.radicals(ProducerVariants.spaced(h31))))));
    EvaluationReportParser parser = new EvaluationReportParser();
    try (PrintStream out =
        new PrintStream(Files.newOutputStream(Path.of(args[0])), false, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, ReportText> e : texts.entrySet()) {
        ParsedReport r = parser.parse(e.getValue());
        out.println("== " + e.getKey());
        out.println(
            "sourceFile="
                + r.sourceFile()
                + " fiscalYear="
                + r.fiscalYear()
                + " title="
                + r.title()
                + " pageCount="
                + r.pageCount());
        for (Project p : r.projects()) {
          out.println(p);
        }
        for (ResidueLine l : r.residue()) {
          out.println(l);
        }
      }
    }
  }
}
