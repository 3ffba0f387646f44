package hyoka.transform.layout.kpisheet;

import hyoka.transform.Fixtures;
import hyoka.transform.ParsedReport;
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
 * Writes every field of the kpi-sheet parses of the sample sheets (both files, the text without
 * page breaks, the producer, spelling and era variants, and the real PDF variants' texts) in one
 * canonical text form, so that a change meant to keep the output (a refactoring, a performance
 * change) can be checked byte for byte against the output before it. Not a test: run it by hand
 * before and after the change and compare the files.
 *
 * <pre>
 * mvn -q -o -pl transform -am test-compile
 * java -cp transform/target/classes:transform/target/test-classes \
 *     hyoka.transform.layout.kpisheet.SheetDump out.txt
 * </pre>
 */
final class SheetDump {
  private SheetDump() {}

  public static void main(String[] args) throws IOException {
    Map<String, ReportText> texts = new LinkedHashMap<>();
    for (String file : new String[] {"r01", "h30"}) {
      ReportText text = Fixtures.sheetText(file);
      texts.put(file, text);
      texts.put(file + "-plain", ReportText.of(text.sourceFile(), Fixtures.sheetPlainText(file)));
      texts.put(
          file + "-spaced",
          ReportText.of(text.sourceFile(), SheetVariants.wordProcessorSpacing(text.joined())));
      texts.put(file + "-relabelledA", SheetVariants.relabelledA(text));
      texts.put(file + "-relabelledB", SheetVariants.relabelledB(text));
    }
    texts.put("r01-reiwa", SheetVariants.reiwa(Fixtures.sheetText("r01")));
    texts.put("r01-writer", Fixtures.sheetVariantText("r01-writer"));
    texts.put("r05-calc", Fixtures.sheetVariantText("r05-calc"));
    KpiSheetLayout layout = new KpiSheetLayout();
    texts.put("r01-natural", SheetVariants.natural(layout.parse(Fixtures.sheetText("r01"))));
    try (PrintStream out =
        new PrintStream(Files.newOutputStream(Path.of(args[0])), false, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, ReportText> e : texts.entrySet()) {
        ParsedReport r = layout.parse(e.getValue());
        out.println("== " + e.getKey());
        out.println(
            "sourceFile="
                + r.sourceFile()
                + " layout="
                + r.layout()
                + " fiscalYear="
                + r.fiscalYear()
                + " title="
                + r.title()
                + " pageCount="
                + r.pageCount());
        out.println(r.gradeLegend());
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
