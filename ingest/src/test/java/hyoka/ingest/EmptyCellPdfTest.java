package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/**
 * The FY2019 sample PDF with one cell of a KPI value row taken out of its page's content (the row
 * is one text string there), read by Tika and parsed: the KPI is kept, with the values that units
 * and the score rule place and NULL for the empty cell.
 */
class EmptyCellPdfTest {
  private final PdfExtractor extractor = new PdfExtractor();

  @Test
  void aRowWithItsScoreCellTakenOutOfThePdfKeepsItsKpi() throws IOException {
    byte[] pdf =
        withoutText(
            Fixtures.samplePdf("h31"), 2, "213件 162件 220件 244件 220件 121.21 100.00 180件", "100.00 ");
    ParsedReport want =
        Layouts.installed().parse(extractor.extract(Fixtures.samplePdf("h31"), "x.pdf"), null);
    hyoka.transform.ReportText text = extractor.extract("x.pdf", pdf);
    ParsedReport got = Layouts.installed().parse(text, null);
    assertThat(text.joined()).contains("213件 162件 220件 244件 220件 121.21 180件");
    assertThat(got.projects()).hasSize(62);
    assertThat(got.kpiCount()).isEqualTo(73);
    assertThat(got.unknownResidue()).isEqualTo(want.unknownResidue()).isEqualTo(3);
    Kpi k = got.projects().get(5).kpis().get(0);
    assertThat(k.name()).isEqualTo("交通事故件数");
    List<String> values = new ArrayList<>();
    for (KpiValue v : k.values()) {
      values.add(v.fiscalYear() + ":" + v.kind().label() + "=" + shown(v.value()));
    }
    assertThat(values)
        .containsExactly(
            "2014:baseline=213",
            "2015:actual=162",
            "2016:actual=220",
            "2017:actual=244",
            "2018:actual=220",
            "2019:actual=173",
            "2019:target=180");
    assertThat(shown(k.rawScore())).isEqualTo("121.21");
    assertThat(shown(k.score())).isEqualTo("null(not_printed)");
    // every other project as in the sample
    for (int p = 0; p < 62; p++) {
      if (p != 5) {
        assertThat(got.projects().get(p)).isEqualTo(want.projects().get(p));
      }
    }
  }

  private static String shown(PrintedValue v) {
    return v.isKnown() ? v.value().toPlainString() : "null(" + v.nullReason() + ")";
  }

  /**
   * The PDF with {@code cut} taken out of the one string of page {@code page} (0-based) that shows
   * {@code line}: the codes of those characters dropped, the rest kept as printed.
   */
  private static byte[] withoutText(java.nio.file.Path file, int page, String line, String cut)
      throws IOException {
    try (PDDocument d = Loader.loadPDF(file.toFile())) {
      PDPage p = d.getPage(page);
      List<Object> tokens = new PDFStreamParser(p).parse();
      PDFont font = null;
      int changed = 0;
      for (int i = 0; i < tokens.size(); i++) {
        if (!(tokens.get(i) instanceof Operator op)) {
          continue;
        }
        if (op.getName().equals("Tf")) {
          font = p.getResources().getFont((COSName) tokens.get(i - 2));
        }
        if (op.getName().equals("Tj") && tokens.get(i - 1) instanceof COSString s) {
          StringBuilder text = new StringBuilder();
          List<byte[]> codes = new ArrayList<>();
          List<Integer> starts = new ArrayList<>();
          byte[] bytes = s.getBytes();
          InputStream in = new ByteArrayInputStream(bytes);
          int at = 0;
          while (in.available() > 0) {
            int code = font.readCode(in);
            int next = bytes.length - in.available();
            starts.add(text.length());
            String u = font.toUnicode(code);
            text.append(u == null ? "\uFFFD" : u);
            codes.add(java.util.Arrays.copyOfRange(bytes, at, next));
            at = next;
          }
          if (!text.toString().strip().equals(line)) {
            continue;
          }
          int from = text.indexOf(cut);
          ByteArrayOutputStream kept = new ByteArrayOutputStream();
          for (int c = 0; c < codes.size(); c++) {
            int pos = starts.get(c);
            if (pos < from || pos >= from + cut.length()) {
              kept.write(codes.get(c));
            }
          }
          tokens.set(i - 1, new COSString(kept.toByteArray()));
          changed++;
        }
      }
      assertThat(changed).as("strings showing " + line).isEqualTo(1);
      PDStream stream = new PDStream(d);
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        new ContentStreamWriter(out).writeTokens(tokens);
      }
      p.setContents(stream);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      d.save(out);
      return out.toByteArray();
    }
  }
}
