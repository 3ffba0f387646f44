package hyoka.transform.layout.kpisheet;

import hyoka.transform.FoldedText;
import hyoka.transform.GradeLegend;
import hyoka.transform.Grades;
import hyoka.transform.Grading;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.MatchEvidence;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.PrintedValue;
import hyoka.transform.Project;
import hyoka.transform.ScoreStatus;
import hyoka.transform.Scores;
import hyoka.transform.Texts;
import hyoka.transform.ValueKind;
import hyoka.transform.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a file's sheets together: numbers each sheet by its {@code シート番号 n-k} (project n, KPI k),
 * makes one {@link Kpi} per sheet and one {@link Project} per project number, with the project's
 * 効果発現要因（総合所見） and 今後の取組 texts (printed on its first sheet; the others say {@code （その1に記載）}).
 */
final class SheetAssembler {
  private final int fiscalYear;
  private final GradeLegend documentLegend;
  private final IdentityHashMap<Sheet, GradeLegend> pageLegends;
  private final IdentityHashMap<Sheet, String> legendProblems;

  /**
   * @param documentLegend the legend a sheet that prints none is graded by
   * @param pageLegends the legend each sheet prints (an identity map)
   * @param legendProblems why a sheet's printed legend does not read (an identity map)
   */
  SheetAssembler(
      int fiscalYear,
      GradeLegend documentLegend,
      IdentityHashMap<Sheet, GradeLegend> pageLegends,
      IdentityHashMap<Sheet, String> legendProblems) {
    this.fiscalYear = fiscalYear;
    this.documentLegend = documentLegend;
    this.pageLegends = pageLegends;
    this.legendProblems = legendProblems;
  }

  /**
   * The projects, and the sheets that are in them, an identity set (the others are no sheets, or
   * sheets whose project could not be told).
   */
  record Result(List<Project> projects, Set<Sheet> placed) {}

  /** A sheet with its project and KPI number, and what decided them. */
  private record Numbered(Sheet sheet, int project, int kpi, MatchEvidence evidence) {}

  Result assemble(List<Sheet> all) {
    List<Sheet> sheets = all.stream().filter(Sheet::isSheet).toList();
    List<Numbered> numbered = number(sheets);
    Map<Integer, List<Numbered>> byProject = new TreeMap<>();
    for (Numbered n : numbered) {
      byProject.computeIfAbsent(n.project(), k -> new ArrayList<>()).add(n);
    }
    List<Project> projects = new ArrayList<>();
    Set<Sheet> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<Integer, List<Numbered>> e : byProject.entrySet()) {
      List<Numbered> ns = new ArrayList<>(e.getValue());
      ns.sort(
          (a, b) ->
              a.kpi() != b.kpi()
                  ? Integer.compare(a.kpi(), b.kpi())
                  : Integer.compare(a.sheet().page(), b.sheet().page()));
      String name = first(ns, Sheet::project);
      if (name == null) {
        // no sheet of the project prints its name: a project without one cannot be keyed
        continue;
      }
      List<Kpi> kpis = new ArrayList<>();
      List<Narrative> narratives = new ArrayList<>();
      for (Numbered n : ns) {
        kpis.add(kpi(n));
        placed.add(n.sheet());
        addNarrative(
            narratives, NarrativeKind.EFFECT_FACTORS, n.sheet().effect(), n.sheet().effectPage());
        addNarrative(
            narratives, NarrativeKind.FUTURE_WORK, n.sheet().future(), n.sheet().futurePage());
      }
      String group = first(ns, Sheet::group);
      Integer groupNo = null;
      String groupName = group;
      if (group != null) {
        Matcher m = GROUP_NO.matcher(FoldedText.of(group).folded());
        if (m.matches()) {
          groupNo = Integer.valueOf(m.group(1));
          groupName = FoldedText.of(group).printedOf(m.start(2), m.end(2)).strip();
        }
      }
      String[] dept = department(first(ns, Sheet::dept));
      projects.add(
          new Project(
              e.getKey(),
              groupNo,
              groupName,
              name,
              dept[0],
              dept[1],
              null,
              ns.get(0).sheet().page(),
              kpis,
              List.of(),
              narratives));
    }
    return new Result(projects, placed);
  }

  /** A group's number and name: {@code １　あずましい暮らしプロジェクト}; a number of at most three digits. */
  private static final Pattern GROUP_NO = Pattern.compile("^ *(\\d{1,3})(?!\\d)[ .、)]*(.*)$");

  private static String first(List<Numbered> ns, java.util.function.Function<Sheet, String> f) {
    for (Numbered n : ns) {
      String v = f.apply(n.sheet());
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /**
   * 指標担当部課等 as department and section: {@code 建設部　建築住宅課} → 建設部, 建築住宅課. Several departments printed
   * with {@code /} are joined with {@code ・}, as the strategy report's layout joins them ({@code
   * 産業港湾部/建設部　観光振興室/新幹線・まちづくり推進室} → 産業港湾部・建設部, 観光振興室・新幹線・まちづくり推進室).
   */
  static String[] department(String printed) {
    if (printed == null) {
      return new String[] {null, null};
    }
    String[] parts = printed.strip().split("[\\s\u3000]+", 2);
    String dept = parts[0].replaceAll("[/／]", "・");
    String section = parts.length > 1 ? parts[1].strip().replaceAll("[/／]", "・") : null;
    return new String[] {dept, section};
  }

  private static void addNarrative(
      List<Narrative> out, NarrativeKind kind, Sheet.Narrative n, int page) {
    if (n == null || n.reference() || n.text().isBlank()) {
      return;
    }
    for (Narrative o : out) {
      if (o.kind() == kind && o.text().equals(n.text())) {
        return;
      }
    }
    out.add(new Narrative(null, kind, n.text(), page));
  }

  /**
   * Each sheet's project and KPI number: from its {@code シート番号 n-k}. A sheet that prints none (a
   * damaged page) is numbered from its neighbours only where they decide it: the same project name
   * as the sheet before or after it (then its KPI number is its {@code ＫＰＩ その{n}}, else the next or
   * previous one), or a gap of exactly one project between the numbered sheets around it (with its
   * {@code ＫＰＩ その{n}}). Those numbers are recorded as inferred; a sheet they do not decide, or
   * whose number another sheet already has, is left out (its lines are unknown residue).
   */
  private static List<Numbered> number(List<Sheet> sheets) {
    Numbered[] out = new Numbered[sheets.size()];
    for (int i = 0; i < sheets.size(); i++) {
      Sheet s = sheets.get(i);
      if (s.sheetProject() != null && s.sheetProject() >= 1 && s.sheetKpi() >= 1) {
        out[i] = new Numbered(s, s.sheetProject(), s.sheetKpi(), MatchEvidence.SINGLE);
      }
    }
    for (int i = 0; i < sheets.size(); i++) {
      if (out[i] != null) {
        continue;
      }
      Sheet s = sheets.get(i);
      Numbered prev = null;
      for (int j = i - 1; j >= 0 && prev == null; j--) {
        prev = out[j];
      }
      Numbered next = null;
      for (int j = i + 1; j < sheets.size() && next == null; j++) {
        next = out[j] != null && out[j].evidence() == MatchEvidence.SINGLE ? out[j] : null;
      }
      String name = key(s.project());
      Integer ordinal = s.kpiOrdinal();
      Integer project = null;
      Integer kpi = null;
      if (name != null && prev != null && name.equals(key(prev.sheet().project()))) {
        project = prev.project();
        kpi = ordinal != null ? ordinal : Integer.valueOf(prev.kpi() + 1);
      } else if (name != null && next != null && name.equals(key(next.sheet().project()))) {
        project = next.project();
        kpi = ordinal != null ? ordinal : next.kpi() > 1 ? Integer.valueOf(next.kpi() - 1) : null;
      } else if (prev != null && next != null && next.project() == prev.project() + 2) {
        project = prev.project() + 1;
        kpi = ordinal;
      }
      if (project != null && kpi != null && kpi >= 1 && !taken(out, project, kpi)) {
        out[i] = new Numbered(s, project, kpi, MatchEvidence.ORDER_INFERRED);
      }
    }
    List<Numbered> list = new ArrayList<>();
    for (Numbered n : out) {
      if (n != null) {
        list.add(n);
      }
    }
    return list;
  }

  /**
   * Whether another sheet already is KPI {@code project-kpi}: a sheet without its number whose
   * neighbours would make it that KPI (a copy of a numbered sheet) is not numbered, as no rule can
   * tell which of the two is the KPI.
   */
  private static boolean taken(Numbered[] out, int project, int kpi) {
    for (Numbered n : out) {
      if (n != null && n.project() == project && n.kpi() == kpi) {
        return true;
      }
    }
    return false;
  }

  private static String key(String name) {
    return name == null ? null : FoldedText.tight(Texts.fold(name)).replace("\u3000", "");
  }

  /** One sheet's KPI: its grid, achievement and grade, basis and the scores computed. */
  private Kpi kpi(Numbered n) {
    Sheet s = n.sheet();
    List<Sheet.Column> grid = s.grid();
    PrintedValue baseline;
    PrintedValue target;
    PrintedValue actual;
    Integer baselineYear = null;
    Integer targetYear = null;
    List<KpiValue> values = new ArrayList<>();
    if (grid == null) {
      String why = s.gridProblem() != null ? "unparseable" : "not_printed";
      baseline = PrintedValue.missing(null, null, why);
      target = PrintedValue.missing(null, null, why);
      actual = PrintedValue.missing(null, null, why);
    } else {
      Sheet.Column b = grid.get(0);
      Sheet.Column t = grid.get(grid.size() - 1);
      baseline = b.value();
      target = t.value();
      baselineYear = b.year();
      targetYear = t.year();
      actual = null;
      boolean yearsKnown = true;
      values.add(new KpiValue(baselineYear, ValueKind.BASELINE, baseline));
      for (Sheet.Column c : grid.subList(1, grid.size() - 1)) {
        yearsKnown &= c.year() != null;
        if (c.year() != null && c.year() == fiscalYear) {
          actual = c.value();
        }
        if (c.year() != null && c.year() > fiscalYear && !c.value().isKnown()) {
          // the grid's columns after the report year (H31 in FY2018's sheets) are empty: a
          // dash there is no actual of a year still to come
          continue;
        }
        values.add(new KpiValue(c.year(), ValueKind.ACTUAL, c.value()));
      }
      if (actual == null) {
        // the header names no column for the report year, or cannot say which column it is
        actual = PrintedValue.missing(null, null, yearsKnown ? "not_printed" : "column_unknown");
      }
      values.add(new KpiValue(targetYear, ValueKind.TARGET, target));
    }
    String basis = s.basis();
    Scores.Computed c = Scores.compute(baseline, actual, target, Scores.isMaintain(basis));
    String scoreNote =
        "the sheet prints no score to compare with"
            + (c.note() == null ? "" : " (" + c.note() + ")");
    return new Kpi(
        n.kpi(),
        s.kpiName(),
        unit(s, grid),
        baselineYear,
        baseline,
        actual,
        targetYear,
        target,
        values,
        PrintedValue.notPrinted(),
        PrintedValue.notPrinted(),
        c.raw(),
        c.score(),
        ScoreStatus.NOT_COMPUTABLE,
        c.rule(),
        scoreNote,
        null,
        basis,
        List.of(),
        n.evidence(),
        s.valuePage(),
        grading(s, actual));
  }

  /** 単位 as printed (folded; a dash: no unit), else the unit the values carry. */
  private static String unit(Sheet s, List<Sheet.Column> grid) {
    String printed = s.unitPrinted();
    if (printed != null && !printed.isBlank()) {
      String u = FoldedText.tight(Texts.fold(printed));
      return "-".equals(Grades.symbol(u)) ? null : u;
    }
    if (grid == null) {
      return null;
    }
    Sheet.Column t = grid.get(grid.size() - 1);
    if (t.value().unit() != null) {
      return t.value().unit();
    }
    for (Sheet.Column col : grid) {
      if (col.value().unit() != null) {
        return col.value().unit();
      }
    }
    return null;
  }

  private Grading grading(Sheet s, PrintedValue actual) {
    PrintedValue achievement;
    if (s.achievement() == null || s.achievement().isBlank()) {
      achievement = PrintedValue.notPrinted();
    } else {
      PrintedValue v = Values.single(FoldedText.of(s.achievement()));
      achievement = v != null ? v : PrintedValue.missing(s.achievement(), null, "unparseable");
    }
    GradeLegend legend = pageLegends.get(s);
    String problem = legendProblems.get(s);
    if (legend == null && problem == null) {
      legend = documentLegend;
    }
    return Grades.grade(
        legend, problem, achievement, actual, s.grade(), s.progress(), s.resultPage());
  }
}
