package hyoka.transform.layout.kpisheet;

import hyoka.transform.Fixtures;
import hyoka.transform.Grading;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes the real PDF variants of the sheet fixture with LibreOffice (not a test: it needs {@code
 * soffice}, which the default test run does not have; the PDFs it made are committed with their
 * extracted texts, see {@code fixtures/sheet-layout/variants/README.md}). From the FY2019 sheets'
 * parse, for the projects in {@link #PROJECTS}:
 *
 * <ul>
 *   <li>{@code otaru-sheets-r01-writer.pdf}: the sheets as a word processor prints them
 *       (LibreOffice Writer, one table per page, Japanese autospacing on): natural reading order,
 *       spaces between Japanese and Latin text in the extracted text;
 *   <li>{@code otaru-sheets-r05-calc.pdf}: the sheets as another city's spreadsheet four years on
 *       (LibreOffice Calc, one sheet per KPI, numbers as number cells with their units in the
 *       format): other labels (政策目標, 施策名, KPI1, 担当課, 年度, 基準値, 実績, 達成度, 評定, 進捗, 目標値の設定根拠, 総合所見,
 *       今後の方向性, 【評価基準】Ａ：…), 令和 years (令和５年度, R1–R5), in Calc's drawing order.
 * </ul>
 *
 * <pre>
 * mvn -q -o -pl transform -am test-compile
 * java -cp transform/target/classes:transform/target/test-classes \
 *     hyoka.transform.layout.kpisheet.SheetPdfs transform/src/test/resources/fixtures/sheet-layout/variants
 * </pre>
 */
final class SheetPdfs {
  private SheetPdfs() {}

  /** The projects the variants print: the fixture's tricky sheets (see the README). */
  static final Set<Integer> PROJECTS = Set.of(1, 4, 5, 9, 12, 14, 25, 33, 37, 44, 48);

  public static void main(String[] args) throws IOException, InterruptedException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    ParsedReport r = new KpiSheetLayout().parse(Fixtures.sheetText("r01"));
    List<Sheet> sheets = new ArrayList<>();
    for (Project p : r.projects()) {
      if (PROJECTS.contains(p.projectNo())) {
        for (Kpi k : p.kpis()) {
          sheets.add(new Sheet(p, k, k == p.kpis().get(0)));
        }
      }
    }
    Path writer = out.resolve("otaru-sheets-r01-writer.fodt");
    Files.writeString(writer, writer(r, sheets), StandardCharsets.UTF_8);
    Path calc = out.resolve("otaru-sheets-r05-calc.fods");
    Files.writeString(calc, calc(sheets), StandardCharsets.UTF_8);
    for (Path doc : List.of(writer, calc)) {
      Process p =
          new ProcessBuilder(
                  "soffice",
                  "--headless",
                  "--convert-to",
                  "pdf",
                  "--outdir",
                  out.toString(),
                  doc.toString())
              .inheritIO()
              .start();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException("soffice failed on " + doc);
      }
      Files.delete(doc);
    }
  }

  /**
   * One KPI's sheet: its project, its KPI, whether it is the project's first (prints the texts).
   */
  private record Sheet(Project project, Kpi kpi, boolean first) {
    String text(NarrativeKind kind) {
      if (!first) {
        return "（その1に記載）";
      }
      for (Narrative n : project.narratives()) {
        if (n.kind() == kind) {
          return n.text();
        }
      }
      return "";
    }

    String unit() {
      return kpi.unit() == null ? "―" : kpi.unit();
    }

    String progress() {
      Grading g = kpi.grading();
      return g.progress() == null ? "－" : g.progress();
    }
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final String NS =
      " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
          + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
          + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
          + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
          + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
          + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
          + " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\"";

  private static final String FONT =
      "<office:font-face-decls><style:font-face style:name=\"IPAexGothic\""
          + " svg:font-family=\"IPAexGothic\"/></office:font-face-decls>";

  private static final String TEXT_PROPS =
      "<style:text-properties style:font-name=\"IPAexGothic\" style:font-name-asian=\"IPAexGothic\""
          + " fo:font-size=\"8pt\" style:font-size-asian=\"8pt\" fo:language=\"ja\" fo:country=\"JP\""
          + " style:language-asian=\"ja\" style:country-asian=\"JP\"/>";

  // --- Writer ----------------------------------------------------------------------------------

  private static String writer(ParsedReport r, List<Sheet> sheets) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document")
        .append(NS)
        .append(
            " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">")
        .append(FONT)
        .append("<office:styles><style:default-style style:family=\"paragraph\">")
        .append("<style:paragraph-properties style:text-autospace=\"ideograph-alpha\"/>")
        .append(TEXT_PROPS)
        .append("</style:default-style></office:styles><office:automatic-styles>")
        .append("<style:page-layout style:name=\"pm1\"><style:page-layout-properties")
        .append(
            " fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" style:print-orientation=\"landscape\"")
        .append(" fo:margin=\"1.2cm\"/><style:footer-style/></style:page-layout>")
        .append("<style:style style:name=\"first\" style:family=\"paragraph\">")
        .append("<style:paragraph-properties fo:break-before=\"page\"/></style:style>")
        .append("<style:style style:name=\"right\" style:family=\"paragraph\">")
        .append("<style:paragraph-properties fo:text-align=\"end\"/></style:style>")
        .append("<style:style style:name=\"t\" style:family=\"table\"><style:table-properties")
        .append(" style:width=\"27.3cm\" table:align=\"margins\"/></style:style>")
        .append(
            "<style:style style:name=\"c\" style:family=\"table-cell\"><style:table-cell-properties")
        .append(" fo:border=\"0.5pt solid #000000\" fo:padding=\"0.05cm\"/></style:style>")
        .append("</office:automatic-styles><office:master-styles><style:master-page")
        .append(" style:name=\"Standard\" style:page-layout-name=\"pm1\"><style:footer>")
        .append("<text:p text:style-name=\"right\">- <text:page-number/> -</text:p>")
        .append("</style:footer></style:master-page></office:master-styles>")
        .append("<office:body><office:text>");
    for (int i = 0; i < sheets.size(); i++) {
      Sheet s = sheets.get(i);
      Kpi k = s.kpi();
      Project p = s.project();
      b.append("<text:p")
          .append(i > 0 ? " text:style-name=\"first\"" : "")
          .append(">")
          .append(esc(r.title()))
          .append("</text:p><text:p text:style-name=\"right\">シート番号 ")
          .append(p.projectNo())
          .append('-')
          .append(k.kpiNo())
          .append("</text:p><table:table table:name=\"s")
          .append(i)
          .append(
              "\" table:style-name=\"t\"><table:table-column table:number-columns-repeated=\"8\"/>");
      wrow(b, "基本目標", p.groupNo() + "　" + p.groupName());
      wrow(b, "個別施策", p.name());
      wrow(b, "ＫＰＩ その" + k.kpiNo(), k.name());
      wrow(b, "指標担当部課等", p.department().replace("・", "/") + "　" + p.section());
      List<String> head = new ArrayList<>(List.of("区分"));
      List<String> vals = new ArrayList<>(List.of("実績値"));
      for (KpiValue v : k.values()) {
        head.add(header(v, false));
        vals.add(v.value().printed());
      }
      wcells(b, head);
      wcells(b, vals);
      wrow(b, "単位", s.unit());
      Grading g = k.grading();
      b.append("<table:table-row>");
      wcell(b, "達成率", 1);
      wcell(b, g.achievement().printed(), 2);
      wcell(b, "評価", 1);
      wcell(b, g.gradePrinted(), 1);
      wcell(b, "進捗状況", 1);
      wcell(b, s.progress(), 2);
      b.append("</table:table-row>");
      wrow(b, "設定根拠", k.targetBasis() == null ? "" : k.targetBasis());
      wrow(b, "効果発現要因（総合所見）", s.text(NarrativeKind.EFFECT_FACTORS));
      wrow(b, "今後の取組", s.text(NarrativeKind.FUTURE_WORK));
      b.append("</table:table><text:p>").append(esc(r.gradeLegend().printed())).append("</text:p>");
    }
    return b.append("</office:text></office:body></office:document>\n").toString();
  }

  private static void wrow(StringBuilder b, String label, String value) {
    b.append("<table:table-row>");
    wcell(b, label, 1);
    wcell(b, value, 7);
    b.append("</table:table-row>");
  }

  private static void wcells(StringBuilder b, List<String> cells) {
    b.append("<table:table-row>");
    int span = 8 - cells.size() + 1;
    for (int i = 0; i < cells.size(); i++) {
      wcell(b, cells.get(i), i == cells.size() - 1 ? span : 1);
    }
    b.append("</table:table-row>");
  }

  private static void wcell(StringBuilder b, String text, int span) {
    b.append("<table:table-cell table:style-name=\"c\"")
        .append(span > 1 ? " table:number-columns-spanned=\"" + span + "\"" : "")
        .append(" office:value-type=\"string\"><text:p>")
        .append(esc(text))
        .append("</text:p></table:table-cell>");
    if (span > 1) {
      b.append("<table:covered-table-cell table:number-columns-repeated=\"")
          .append(span - 1)
          .append("\"/>");
    }
  }

  /** A grid header cell: 従前値（H26）, H27, 目標値（H31）; four years on with {@code reiwa}. */
  private static String header(KpiValue v, boolean reiwa) {
    Integer y = v.fiscalYear();
    String era = "";
    if (y != null) {
      int w = reiwa ? y + 4 : y;
      era = w <= 2018 ? "H" + (w - 1988) : reiwa ? "R" + (w - 2018) : "H" + (w - 1988);
    }
    return switch (v.kind()) {
      case BASELINE -> (reiwa ? "基準値" : "従前値") + (era.isEmpty() ? "" : "（" + era + "）");
      case TARGET -> (reiwa ? "目標（" : "目標値（") + era + "）";
      case ACTUAL -> era;
    };
  }

  // --- Calc ------------------------------------------------------------------------------------

  private static final String CALC_LEGEND =
      "【評価基準】Ａ：100％以上、Ｂ：80％以上～100％未満、Ｃ：50％以上～80％未満、Ｄ：50％未満、－：実績なし";

  private static String calc(List<Sheet> sheets) {
    Map<String, String> formats = new LinkedHashMap<>();
    StringBuilder tables = new StringBuilder();
    for (int i = 0; i < sheets.size(); i++) {
      Sheet s = sheets.get(i);
      Kpi k = s.kpi();
      Project p = s.project();
      StringBuilder t = tables;
      t.append("<table:table table:name=\"")
          .append(p.projectNo())
          .append('-')
          .append(k.kpiNo())
          .append("\" table:style-name=\"ta\" table:print-ranges=\"'")
          .append(p.projectNo())
          .append('-')
          .append(k.kpiNo())
          .append("'.A1:'")
          .append(p.projectNo())
          .append('-')
          .append(k.kpiNo())
          .append("'.H14\"><table:table-column table:style-name=\"co1\"/>")
          .append(
              "<table:table-column table:style-name=\"co2\" table:number-columns-repeated=\"7\"/>");
      // title (A1:G1) and シートNo. (H1)
      t.append("<table:table-row table:style-name=\"ro\">");
      ccell(t, "まち・ひと・しごと創生総合戦略　令和５年度実績評価シート【個別施策－重要業績評価指標（ＫＰＩ）】", 7, "title");
      ccell(t, "シートNo." + p.projectNo() + "-" + k.kpiNo(), 1, "box");
      t.append("</table:table-row>");
      crow(t, "政策目標", p.groupNo() + "　" + p.groupName());
      crow(t, "施策名", p.name());
      crow(t, "KPI" + k.kpiNo(), k.name());
      crow(t, "担当課", p.department().replace("・", "/") + "　" + p.section());
      t.append("<table:table-row table:style-name=\"ro\">");
      ccell(t, "年度", 1, "label");
      for (KpiValue v : k.values()) {
        ccell(t, header(v, true), 1, "center");
      }
      t.append("</table:table-row><table:table-row table:style-name=\"ro\">");
      ccell(t, "実績", 1, "label");
      for (KpiValue v : k.values()) {
        number(t, v.value(), formats);
      }
      t.append("</table:table-row>");
      crow(t, "単位", s.unit());
      Grading g = k.grading();
      t.append("<table:table-row table:style-name=\"ro\">");
      ccell(t, "達成度", 1, "label");
      if (g.achievement().isKnown()) {
        number(t, g.achievement(), formats, 2);
      } else {
        ccell(t, g.achievement().printed(), 2, "center");
      }
      ccell(t, "評定", 1, "label");
      ccell(t, g.gradePrinted(), 1, "center");
      ccell(t, "進捗", 1, "label");
      ccell(t, s.progress(), 2, "center");
      t.append("</table:table-row>");
      crow(t, "目標値の設定根拠", k.targetBasis() == null ? "" : k.targetBasis());
      crow(t, "総合所見", s.text(NarrativeKind.EFFECT_FACTORS), "tall");
      crow(t, "今後の方向性", s.text(NarrativeKind.FUTURE_WORK), "tall");
      t.append("<table:table-row table:style-name=\"ro\">");
      ccell(t, CALC_LEGEND, 8, "plain");
      t.append("</table:table-row></table:table>");
    }
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document")
        .append(NS)
        .append(
            " office:version=\"1.3\""
                + " office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">")
        .append(FONT)
        .append("<office:styles><style:default-style style:family=\"table-cell\">")
        .append(TEXT_PROPS)
        .append("</style:default-style>");
    b.append("</office:styles><office:automatic-styles>");
    // the number formats (1,199件, 79.90%), each with its cell style (bordered, right-aligned)
    int n = 0;
    for (String f : formats.values()) {
      String name = "N" + n++;
      b.append(f.replace("NAME", name))
          .append("<style:style style:name=\"v")
          .append(name)
          .append("\" style:family=\"table-cell\" style:data-style-name=\"")
          .append(name)
          .append("\"><style:table-cell-properties fo:border=\"0.5pt solid #000000\"")
          .append(" style:vertical-align=\"middle\"/><style:paragraph-properties")
          .append(" fo:text-align=\"end\"/></style:style>");
    }
    b.append("<style:page-layout style:name=\"pm1\"><style:page-layout-properties")
        .append(
            " fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" style:print-orientation=\"landscape\"")
        .append(
            " fo:margin=\"1.2cm\" style:scale-to-pages=\"1\"/><style:footer-style/></style:page-layout>")
        .append(
            "<style:style style:name=\"ta\" style:family=\"table\" style:master-page-name=\"pm\">")
        .append("<style:table-properties table:display=\"true\"/></style:style>")
        .append("<style:style style:name=\"co1\" style:family=\"table-column\">")
        .append("<style:table-column-properties style:column-width=\"3.2cm\"/></style:style>")
        .append("<style:style style:name=\"co2\" style:family=\"table-column\">")
        .append("<style:table-column-properties style:column-width=\"3.4cm\"/></style:style>")
        .append("<style:style style:name=\"ro\" style:family=\"table-row\">")
        .append("<style:table-row-properties style:row-height=\"0.55cm\"/></style:style>")
        .append("<style:style style:name=\"rotall\" style:family=\"table-row\">")
        .append("<style:table-row-properties style:row-height=\"2.2cm\"/></style:style>");
    for (String[] c :
        new String[][] {
          {"label", "#d9d9d9", "start", "no-wrap"},
          {"value", "transparent", "start", "no-wrap"},
          {"center", "transparent", "center", "no-wrap"},
          {"right", "transparent", "end", "no-wrap"},
          {"tall", "transparent", "start", "wrap"},
          {"title", "transparent", "start", "no-wrap"},
          {"box", "transparent", "center", "no-wrap"},
          {"plain", "transparent", "start", "no-wrap"}
        }) {
      boolean border = !c[0].equals("title") && !c[0].equals("plain");
      b.append("<style:style style:name=\"")
          .append(c[0])
          .append(
              "\" style:family=\"table-cell\"><style:table-cell-properties fo:background-color=\"")
          .append(c[1])
          .append("\" fo:wrap-option=\"")
          .append(c[3])
          .append("\" style:vertical-align=\"")
          .append(c[0].equals("tall") ? "top" : "middle")
          .append("\"")
          .append(border ? " fo:border=\"0.5pt solid #000000\"" : "")
          .append("/><style:paragraph-properties fo:text-align=\"")
          .append(c[2])
          .append("\"/></style:style>");
    }
    b.append("</office:automatic-styles><office:master-styles>")
        .append("<style:master-page style:name=\"pm\" style:page-layout-name=\"pm1\">")
        .append(
            "<style:header style:display=\"false\"/><style:footer><text:p>- <text:page-number/> -")
        .append("</text:p></style:footer></style:master-page></office:master-styles>")
        .append("<office:body><office:spreadsheet>")
        .append(tables)
        .append("</office:spreadsheet></office:body></office:document>\n");
    return b.toString();
  }

  private static void crow(StringBuilder t, String label, String value) {
    crow(t, label, value, "value");
  }

  private static void crow(StringBuilder t, String label, String value, String style) {
    t.append("<table:table-row table:style-name=\"")
        .append(style.equals("tall") ? "rotall" : "ro")
        .append("\">");
    ccell(t, label, 1, "label");
    ccell(t, value, 7, style);
    t.append("</table:table-row>");
  }

  private static void ccell(StringBuilder t, String text, int span, String style) {
    t.append("<table:table-cell table:style-name=\"")
        .append(style)
        .append("\"")
        .append(span > 1 ? " table:number-columns-spanned=\"" + span + "\"" : "")
        .append(" office:value-type=\"string\"><text:p>")
        .append(esc(text))
        .append("</text:p></table:table-cell>");
    if (span > 1) {
      t.append("<table:covered-table-cell table:number-columns-repeated=\"")
          .append(span - 1)
          .append("\"/>");
    }
  }

  private static void number(StringBuilder t, PrintedValue v, Map<String, String> formats) {
    number(t, v, formats, 1);
  }

  /**
   * A value as a number cell whose format prints it as the fixture does ({@code 1,199件}, {@code
   * 79.90%}); a dash as text.
   */
  private static void number(
      StringBuilder t, PrintedValue v, Map<String, String> formats, int span) {
    if (!v.isKnown()) {
      ccell(t, v.printed(), span, "center");
      return;
    }
    String printed = v.printed();
    String digits = printed.replaceAll("[^0-9.,\\-]", "");
    String unit = printed.substring(printed.indexOf(digits) + digits.length());
    int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
    boolean grouping = digits.contains(",");
    String key = unit + "|" + decimals + "|" + grouping;
    if (!formats.containsKey(key)) {
      formats.put(
          key,
          "<number:number-style style:name=\"NAME\"><number:number number:decimal-places=\""
              + decimals
              + "\" number:min-decimal-places=\""
              + decimals
              + "\" number:min-integer-digits=\"1\""
              + (grouping ? " number:grouping=\"true\"" : "")
              + "/>"
              + (unit.isEmpty() ? "" : "<number:text>" + esc(unit) + "</number:text>")
              + "</number:number-style>");
    }
    String style = "vN" + new ArrayList<>(formats.keySet()).indexOf(key);
    t.append("<table:table-cell table:style-name=\"")
        .append(style)
        .append("\"")
        .append(span > 1 ? " table:number-columns-spanned=\"" + span + "\"" : "")
        .append(" office:value-type=\"float\" office:value=\"")
        .append(v.value().toPlainString())
        .append("\"><text:p>")
        .append(esc(printed))
        .append("</text:p></table:table-cell>");
    if (span > 1) {
      t.append("<table:covered-table-cell table:number-columns-repeated=\"")
          .append(span - 1)
          .append("\"/>");
    }
  }
}
