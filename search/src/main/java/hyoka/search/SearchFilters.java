package hyoka.search;

/**
 * Restrictions on a search; every null component means "any".
 *
 * @param fiscalYear report year (Western), e.g. 2019
 * @param series the report series, exactly
 * @param project a project number (e.g. {@code 3}) or a project key
 * @param department a department or part of one (NFKC, brackets, quote brackets and spaces
 *     ignored), e.g. 建設部, 建設 or 「建設部」; matches every department that contains it, so 建設部 also
 *     matches 産業港湾部・建設部
 * @param group a project group number or its name as printed
 * @param kind a text kind: status_analysis, five_year_summary, overview, purpose, implementation
 *     kpi, description or name
 * @param minScore keep projects with at least one KPI scored at least this (printed score, else the
 *     computed one)
 * @param maxScore keep projects with at least one KPI scored at most this; with {@code minScore},
 *     one KPI must lie in the range
 * @param grade keep projects with at least one KPI of this grade (printed, else by the document's
 *     legend; layouts that grade only), NFKC-folded and case-insensitive ({@code Ａ} = {@code a} =
 *     {@code A}); several grades separated by commas ({@code C,D}) keep projects with a KPI of any
 */
public record SearchFilters(
    Integer fiscalYear,
    String series,
    String project,
    String department,
    String group,
    String kind,
    Double minScore,
    Double maxScore,
    String grade) {
  /** Declared before {@link #NONE}, which the class initialiser constructs. */
  private static final java.util.regex.Pattern QUOTE_BRACKETS =
      java.util.regex.Pattern.compile("[「」『』【】\\[\\]〔〕〈〉《》\"']");

  public static final SearchFilters NONE =
      new SearchFilters(null, null, null, null, null, null, null, null, null);

  /** Filters without a grade. */
  public SearchFilters(
      Integer fiscalYear,
      String series,
      String project,
      String department,
      String group,
      String kind,
      Double minScore,
      Double maxScore) {
    this(fiscalYear, series, project, department, group, kind, minScore, maxScore, null);
  }

  public SearchFilters {
    if (grade != null && grades(grade).isEmpty()) {
      throw new hyoka.transform.HyokaException(
          hyoka.transform.ErrorCode.BAD_QUERY,
          "grade '" + grade + "' names no grade: give one such as A, or several as C,D");
    }
    if (department != null && departmentKey(department).isEmpty()) {
      throw new hyoka.transform.HyokaException(
          hyoka.transform.ErrorCode.BAD_QUERY,
          "department '" + department + "' has nothing to match: give a department such as 建設部");
    }
    longest("department", department);
    longest("group", group);
    if (minScore != null && maxScore != null && minScore > maxScore) {
      throw new hyoka.transform.HyokaException(
          hyoka.transform.ErrorCode.BAD_QUERY,
          "--min-score " + minScore + " is greater than --max-score " + maxScore);
    }
  }

  /**
   * Characters a department or group filter may have. Each is matched as {@code *filter*}, a
   * wildcard whose automaton Lucene refuses to build past a few hundred characters ({@code
   * TooComplexToDeterminizeException} at 500 ASCII characters, which was an internal error);
   * printed names are a few dozen at most.
   */
  public static final int MAX_NAME_FILTER = 200;

  private static void longest(String name, String value) {
    if (value != null && value.codePointCount(0, value.length()) > MAX_NAME_FILTER) {
      throw new hyoka.transform.HyokaException(
          hyoka.transform.ErrorCode.BAD_QUERY,
          name
              + " filter of "
              + value.codePointCount(0, value.length())
              + " characters: at most "
              + MAX_NAME_FILTER
              + " are matched (a part of the name is enough, such as 建設)");
    }
  }

  /**
   * The department filter's folded form: {@link SearchIndex#key} (NFKC, no spaces or round/angle
   * brackets) without the quote brackets a researcher may type around a name (「」『』【】[]〔〕〈〉《》 and
   * quotes).
   */
  static String departmentKey(String department) {
    return QUOTE_BRACKETS.matcher(SearchIndex.key(department)).replaceAll("");
  }

  /**
   * The grades a grade filter names, in the index's form: NFKC-folded ({@code Ａ} → {@code A},
   * {@code －} → {@code -}), upper case, split at commas (also {@code 、} and {@code ，}) and spaces.
   */
  static java.util.Set<String> grades(String filter) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String g : hyoka.transform.Texts.fold(filter).split("[,、\\s]+")) {
      if (!g.isEmpty()) {
        out.add(g.toUpperCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  public SearchFilters withFiscalYear(Integer v) {
    return new SearchFilters(
        v, series, project, department, group, kind, minScore, maxScore, grade);
  }

  public SearchFilters withSeries(String v) {
    return new SearchFilters(
        fiscalYear, v, project, department, group, kind, minScore, maxScore, grade);
  }

  public SearchFilters withProject(String v) {
    return new SearchFilters(
        fiscalYear, series, v, department, group, kind, minScore, maxScore, grade);
  }

  public SearchFilters withDepartment(String v) {
    return new SearchFilters(
        fiscalYear, series, project, v, group, kind, minScore, maxScore, grade);
  }

  public SearchFilters withGroup(String v) {
    return new SearchFilters(
        fiscalYear, series, project, department, v, kind, minScore, maxScore, grade);
  }

  public SearchFilters withKind(String v) {
    return new SearchFilters(
        fiscalYear, series, project, department, group, v, minScore, maxScore, grade);
  }

  public SearchFilters withScoreRange(Double min, Double max) {
    return new SearchFilters(fiscalYear, series, project, department, group, kind, min, max, grade);
  }

  public SearchFilters withGrade(String v) {
    return new SearchFilters(
        fiscalYear, series, project, department, group, kind, minScore, maxScore, v);
  }
}
