package hyoka.notebooks;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link ResultTable} as a PNG line or bar chart with JFreeChart. Labels are Japanese, so
 * the chart uses the first installed font that can show kanji and kana (e.g. IPAGothic from
 * Debian's fonts-ipafont-gothic); without one they come out as boxes, and {@link #fontFamily()}
 * says so.
 */
final class ChartRenderer {
  /** Preferred CJK fonts, tried before scanning every installed family. */
  private static final List<String> PREFERRED_FONTS =
      List.of(
          "IPAexGothic",
          "IPAGothic",
          "IPAPGothic",
          "Noto Sans CJK JP",
          "Noto Sans JP",
          "Source Han Sans JP",
          "TakaoGothic",
          "VL Gothic",
          "Hiragino Sans",
          "Yu Gothic",
          "Meiryo",
          "MS Gothic");

  private static final String SAMPLE = "小樽市の交通事故件数カ";

  /** One chart: the PNG and a sentence describing it for the text/plain fallback. */
  record Chart(byte[] png, String description) {}

  private final String fontFamily;
  private final boolean fontShowsJapanese;

  ChartRenderer() {
    String[] families =
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
    String found = null;
    for (String preferred : PREFERRED_FONTS) {
      for (String f : families) {
        if (f.equalsIgnoreCase(preferred) && shows(f)) {
          found = f;
          break;
        }
      }
      if (found != null) {
        break;
      }
    }
    if (found == null) {
      for (String f : families) {
        if (shows(f)) {
          found = f;
          break;
        }
      }
    }
    this.fontShowsJapanese = found != null;
    this.fontFamily = found != null ? found : Font.SANS_SERIF;
  }

  private static boolean shows(String family) {
    return new Font(family, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1;
  }

  /** The font family charts use, and whether it can show Japanese. */
  String fontFamily() {
    return fontFamily + (fontShowsJapanese ? "" : " (no Japanese font installed)");
  }

  Chart render(ResultTable t, ChartSpec spec) {
    if (t.rows().isEmpty()) {
      throw bad("the result has no rows to draw");
    }
    int xi = spec.x() == null ? 0 : index(t, spec.x());
    Integer si = spec.series() == null ? null : index(t, spec.series());
    List<Integer> yis = new ArrayList<>();
    if (spec.y().isEmpty()) {
      for (int c = 0; c < t.columns().size(); c++) {
        if (c != xi && (si == null || c != si) && t.numeric().get(c)) {
          yis.add(c);
        }
      }
      if (yis.isEmpty()) {
        throw bad("no numeric column to draw; name one with y=COL");
      }
    } else {
      for (String y : spec.y()) {
        yis.add(index(t, y));
      }
    }
    // Series keep the order in which they first appear, so ORDER BY decides the legend.
    Map<String, List<double[]>> xy = new LinkedHashMap<>();
    // Per series: {group (series value), position of its y column}; a group keeps one colour and
    // its second and later y columns (e.g. the target beside the actual) are dashed.
    Map<String, int[]> style = new LinkedHashMap<>();
    Map<String, Integer> groups = new LinkedHashMap<>();
    Map<String, Map<String, Double>> byCategory = new LinkedHashMap<>();
    List<String> categories = new ArrayList<>();
    boolean numericX = t.numeric().get(xi);
    boolean integralX = true;
    boolean integralY = true;
    int points = 0;
    for (List<Object> row : t.rows()) {
      Object xv = row.get(xi);
      if (xv == null) {
        continue;
      }
      Double xNum = ResultTable.number(xv);
      if (xNum == null || xNum != Math.rint(xNum)) {
        integralX = false;
      }
      String category = TableRenderer.format(xv);
      if (!categories.contains(category)) {
        categories.add(category);
      }
      for (int yi : yis) {
        String key = seriesName(t, row, si, yi, yis.size());
        if (!style.containsKey(key)) {
          String group = si == null ? "" : String.valueOf(row.get(si));
          int g = si == null ? style.size() : groups.computeIfAbsent(group, k -> groups.size());
          // Without a series column each y column is its own colour; one named like a target
          // (target, target_line, 目標値) is dashed all the same, so a goal reads as a goal.
          boolean targetLike =
              t.columns().get(yi).toLowerCase(Locale.ROOT).contains("target")
                  || t.columns().get(yi).contains("目標");
          int position = si == null ? (targetLike ? 1 : 0) : yis.indexOf(yi);
          style.put(key, new int[] {g, position});
        }
        Double yv = ResultTable.number(row.get(yi));
        byCategory.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(category, yv);
        if (yv != null && xNum != null) {
          xy.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {xNum, yv});
        }
        if (yv != null) {
          points++;
          if (yv != Math.rint(yv)) {
            integralY = false;
          }
        }
      }
    }
    if (points == 0) {
      throw bad("every value to draw is NULL");
    }
    String xLabel = t.columns().get(xi);
    String yLabel = yis.size() == 1 ? t.columns().get(yis.get(0)) : "";
    JFreeChart chart;
    if (spec.kind() == ChartSpec.Kind.LINE && numericX) {
      XYSeriesCollection data = new XYSeriesCollection();
      for (Map.Entry<String, List<double[]>> e : xy.entrySet()) {
        XYSeries s = new XYSeries(e.getKey(), true, true);
        for (double[] p : e.getValue()) {
          s.addOrUpdate(p[0], p[1]);
        }
        data.addSeries(s);
      }
      chart =
          ChartFactory.createXYLineChart(
              spec.title(), xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
      XYPlot plot = chart.getXYPlot();
      plot.setRenderer(new XYLineAndShapeRenderer(true, true));
      NumberAxis domain = (NumberAxis) plot.getDomainAxis();
      domain.setAutoRangeIncludesZero(false);
      if (integralX) {
        // Fiscal years: whole ticks, printed 2019 rather than 2,019.
        domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        domain.setNumberFormatOverride(
            new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
      }
      ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    } else {
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      for (Map.Entry<String, Map<String, Double>> e : byCategory.entrySet()) {
        for (String c : categories) {
          data.addValue(e.getValue().get(c), e.getKey(), c);
        }
      }
      chart =
          spec.kind() == ChartSpec.Kind.LINE
              ? ChartFactory.createLineChart(
                  spec.title(), xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false)
              : ChartFactory.createBarChart(
                  spec.title(),
                  xLabel,
                  yLabel,
                  data,
                  spec.kind() == ChartSpec.Kind.BARH
                      ? PlotOrientation.HORIZONTAL
                      : PlotOrientation.VERTICAL,
                  true,
                  false,
                  false);
      CategoryPlot plot = chart.getCategoryPlot();
      CategoryAxis axis = plot.getDomainAxis();
      if (categories.size() > 8 && spec.kind() != ChartSpec.Kind.BARH) {
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      }
      axis.setMaximumCategoryLabelWidthRatio(2.5f);
    }
    if (byCategory.size() == 1) {
      chart.removeLegend();
    }
    theme().apply(chart);
    applyStyle(chart, style);
    if (integralY) {
      // Counts: no 0.5 ticks.
      NumberAxis range =
          (NumberAxis)
              (chart.getPlot() instanceof XYPlot p
                  ? p.getRangeAxis()
                  : ((CategoryPlot) chart.getPlot()).getRangeAxis());
      range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof XYPlot p) {
      p.setDomainGridlinePaint(Color.LIGHT_GRAY);
      p.setRangeGridlinePaint(Color.LIGHT_GRAY);
    } else if (chart.getPlot() instanceof CategoryPlot p) {
      p.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    // Encoded in memory: ChartUtils.writeChartAsPNG goes through ImageIO.write to a stream, which
    // caches the image in a temporary file (java.io.tmpdir/imageio*.tmp, seen with strace of a
    // notebook run) and fails where that directory cannot be written.
    try (ImageOutputStream cache = new MemoryCacheImageOutputStream(png)) {
      ImageIO.write(chart.createBufferedImage(spec.width(), spec.height()), "png", cache);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String description =
        String.format(
            Locale.ROOT,
            "%s chart%s: x=%s, %d series, %d points: %s",
            spec.kind().name().toLowerCase(Locale.ROOT),
            spec.title() == null ? "" : " \"" + spec.title() + "\"",
            xLabel,
            byCategory.size(),
            points,
            String.join("; ", byCategory.keySet()));
    return new Chart(png.toByteArray(), description);
  }

  /** Colours and strokes after the theme, which would reset them. */
  private static void applyStyle(JFreeChart chart, Map<String, int[]> style) {
    List<int[]> styles = new ArrayList<>(style.values());
    if (chart.getPlot() instanceof XYPlot p) {
      XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) p.getRenderer();
      XYSeriesCollection data = (XYSeriesCollection) p.getDataset();
      for (int i = 0; i < data.getSeriesCount(); i++) {
        int[] st = style.get(String.valueOf(data.getSeriesKey(i)));
        if (st == null) {
          st = styles.get(Math.min(i, styles.size() - 1));
        }
        r.setSeriesPaint(i, PALETTE[st[0] % PALETTE.length]);
        r.setSeriesStroke(i, st[1] == 0 ? SOLID : DASHED);
        r.setSeriesShapesVisible(i, st[1] == 0);
      }
    } else if (chart.getPlot() instanceof CategoryPlot p) {
      var r = p.getRenderer();
      var data = p.getDataset();
      for (int i = 0; i < data.getRowCount(); i++) {
        int[] st = style.get(String.valueOf(data.getRowKey(i)));
        int g = st == null ? i : st[0];
        r.setSeriesPaint(i, PALETTE[g % PALETTE.length]);
        r.setSeriesStroke(i, st == null || st[1] == 0 ? SOLID : DASHED);
      }
      if (r instanceof BarRenderer br) {
        br.setBarPainter(new StandardBarPainter());
        br.setShadowVisible(false);
      }
    }
  }

  private static final BasicStroke SOLID = new BasicStroke(2f);
  private static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  /** Colours that stay apart on white and in print (Okabe-Ito, without yellow). */
  private static final Color[] PALETTE = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
    new Color(0x56B4E9), new Color(0xE69F00), new Color(0x000000), new Color(0x999999)
  };

  private static String seriesName(ResultTable t, List<Object> row, Integer si, int yi, int ys) {
    String y = t.columns().get(yi);
    if (si == null) {
      return y;
    }
    Object s = row.get(si);
    String name = s == null ? "NULL" : TableRenderer.format(s);
    return ys == 1 ? name : name + " " + y;
  }

  private StandardChartTheme theme() {
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    theme.setExtraLargeFont(new Font(fontFamily, Font.BOLD, 18));
    theme.setLargeFont(new Font(fontFamily, Font.BOLD, 14));
    theme.setRegularFont(new Font(fontFamily, Font.PLAIN, 12));
    theme.setSmallFont(new Font(fontFamily, Font.PLAIN, 10));
    return theme;
  }

  private static int index(ResultTable t, String column) {
    try {
      return t.columnIndex(column);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private static HyokaException bad(String why) {
    return new HyokaException(ErrorCode.BAD_ARGUMENT, "%chart: " + why);
  }
}
