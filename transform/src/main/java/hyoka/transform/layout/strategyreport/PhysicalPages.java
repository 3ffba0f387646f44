package hyoka.transform.layout.strategyreport;

import hyoka.transform.BudgetItem;
import hyoka.transform.Grading;
import hyoka.transform.Kpi;
import hyoka.transform.Narrative;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ResidueLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of a file that prints two or more of the report's pages on one of its own ("2 in 1":
 * two A4 pages side by side on an A3 page, or one above the other). Tika reads such a page as the
 * text of its first printed page followed by the next one's, so each page of the file is cut into
 * the report's pages by {@link VirtualPages}, the rule that cuts a text without form feeds, and the
 * parser reads those pages as it reads a file of one page per page. What it stores points to the
 * page of the file that prints it (the page the user finds in the PDF): {@code reports.page_count}
 * counts the file's pages, and a value's page is the file's page its line is on; its line number is
 * the line's within that page's text.
 *
 * @param pages the report's pages, each line numbered with its page among them
 * @param physical for each of those pages (0-based) the 1-based page of the file; null when every
 *     page of the file is one of the report's
 */
record PhysicalPages(List<List<Line>> pages, int[] physical) {
  /** The report's pages on the file's {@code filePages}. */
  static PhysicalPages of(List<List<Line>> filePages) {
    List<List<Line>> pages = new ArrayList<>();
    List<Integer> physical = new ArrayList<>();
    for (int p = 0; p < filePages.size(); p++) {
      for (List<Line> page : VirtualPages.split(filePages.get(p), pages.size() + 1)) {
        pages.add(page);
        physical.add(p + 1);
      }
    }
    if (pages.size() == filePages.size()) {
      return new PhysicalPages(filePages, null);
    }
    return new PhysicalPages(pages, physical.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The page of the file that prints the report's 1-based page {@code page}. */
  int of(int page) {
    return physical == null ? page : physical[page - 1];
  }

  /** {@code r} with each page the report's page's file page. */
  ParsedReport onFilePages(ParsedReport r) {
    if (physical == null) {
      return r;
    }
    List<Project> projects = new ArrayList<>();
    for (Project p : r.projects()) {
      List<Kpi> kpis = new ArrayList<>();
      for (Kpi k : p.kpis()) {
        Grading g = k.grading();
        if (g != null) {
          g =
              new Grading(
                  g.achievement(),
                  g.gradePrinted(),
                  g.grade(),
                  g.gradeByRule(),
                  g.status(),
                  g.note(),
                  g.progress(),
                  of(g.page()));
        }
        kpis.add(
            new Kpi(
                k.kpiNo(),
                k.name(),
                k.unit(),
                k.baselineYear(),
                k.baseline(),
                k.actual(),
                k.targetYear(),
                k.target(),
                k.values(),
                k.rawScore(),
                k.score(),
                k.rawScoreComputed(),
                k.scoreComputed(),
                k.scoreStatus(),
                k.scoreRule(),
                k.scoreNote(),
                k.targetNote(),
                k.targetBasis(),
                k.sharedNoteWith(),
                k.matchEvidence(),
                of(k.page()),
                g));
      }
      List<BudgetItem> items = new ArrayList<>();
      for (BudgetItem b : p.budgetItems()) {
        items.add(
            new BudgetItem(
                b.itemNo(),
                b.name(),
                b.overview(),
                b.purpose(),
                b.implementation(),
                of(b.page()),
                b.note()));
      }
      List<Narrative> narratives = new ArrayList<>();
      for (Narrative n : p.narratives()) {
        narratives.add(new Narrative(n.itemNo(), n.kind(), n.text(), of(n.page())));
      }
      projects.add(
          new Project(
              p.projectNo(),
              p.groupNo(),
              p.groupName(),
              p.name(),
              p.department(),
              p.section(),
              p.description(),
              of(p.page()),
              kpis,
              items,
              narratives));
    }
    List<ResidueLine> residue = new ArrayList<>();
    for (ResidueLine l : r.residue()) {
      residue.add(new ResidueLine(of(l.page()), l.lineNo(), l.text(), l.cls(), l.note()));
    }
    return new ParsedReport(
        r.sourceFile(),
        r.layout(),
        r.fiscalYear(),
        r.title(),
        physical[physical.length - 1],
        projects,
        residue,
        r.gradeLegend());
  }
}
