package hyoka.transform.layout.kpisheet;

import hyoka.transform.PrintedValue;
import hyoka.transform.ResidueLine;
import java.util.List;

/**
 * What one KPI's sheet (one page, as a rule: see {@link SheetPages}) prints, cell by cell, as read
 * from its lines; every field null where the sheet prints no such cell or it could not be read (the
 * lines it would have come from are then in {@code residue}).
 *
 * @param page 1-based page (the first page of a sheet over two)
 * @param isSheet whether the page prints any of a sheet's marks (シート番号, ＫＰＩ その{n}, a 実績値 or 達成率
 *     row); a page that does not is no sheet and all its lines are residue
 * @param sheetProject the project of {@code シート番号 n-k}
 * @param sheetKpi the KPI of {@code シート番号 n-k}
 * @param kpiOrdinal the n of {@code ＫＰＩ その{n}}
 * @param title the title as printed (without a sheet number on its line)
 * @param group 基本目標's value as printed
 * @param project 個別施策's value
 * @param kpiName the KPI's name
 * @param dept 指標担当部課等's value
 * @param grid the year grid's columns; null when the sheet prints no 実績値 row or it cannot be read
 * @param gridProblem why {@code grid} is null, when the sheet prints a 実績値 row
 * @param unitPrinted 単位's value as printed; null when no 単位 cell is printed
 * @param achievement 達成率's value as printed; null when no 達成率 cell is printed, empty when the cell
 *     is
 * @param grade 評価's value as printed; null when no 評価 cell is printed, empty when the cell is
 * @param progress 進捗状況's value as printed; null when none is printed
 * @param basis 設定根拠's text, wrapped lines joined
 * @param effect 効果発現要因（総合所見）'s cell
 * @param future 今後の取組's cell
 * @param legend the legend as printed; null when the page prints none
 * @param legendLines the lines of the legend (residue the layout classes once it knows whether the
 *     legend reads)
 * @param data the lines the values above were read from
 * @param residue every other line, with its class
 * @param valuePage the page of the 実績値 row ({@code page} but for a sheet over two pages)
 * @param resultPage the page of the 評価 (else the 達成率) cell
 * @param effectPage the page of 効果発現要因（総合所見）'s text
 * @param futurePage the page of 今後の取組's text
 */
record Sheet(
    int page,
    boolean isSheet,
    Integer sheetProject,
    Integer sheetKpi,
    Integer kpiOrdinal,
    String title,
    String group,
    String project,
    String kpiName,
    String dept,
    List<Column> grid,
    String gridProblem,
    String unitPrinted,
    String achievement,
    String grade,
    String progress,
    String basis,
    Narrative effect,
    Narrative future,
    String legend,
    List<SheetLine> legendLines,
    List<SheetLine> data,
    List<ResidueLine> residue,
    int valuePage,
    int resultPage,
    int effectPage,
    int futurePage) {
  Sheet {
    legendLines = List.copyOf(legendLines);
    data = List.copyOf(data);
    residue = List.copyOf(residue);
    grid = grid == null ? null : List.copyOf(grid);
  }

  /** One column of the year grid with its value. */
  record Column(SheetLabels.CellRole role, Integer year, PrintedValue value) {}

  /**
   * A narrative cell: its text, or a reference to the project's first sheet ({@code （その1に記載）}).
   *
   * @param text the text, wrapped lines joined; null for a reference
   */
  record Narrative(String text, boolean reference) {}
}
