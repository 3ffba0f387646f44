package hyoka.search;

/** Names of the index's fields and the values of its marker fields, shared by writer and reader. */
final class IndexFields {
  private IndexFields() {}

  /** Bumped when the document layout or the analysis chain changes: a sync then rebuilds. */
  static final String SCHEMA_VERSION = "7";

  static final String COMMIT_RUN = "warehouse_run";
  static final String COMMIT_SCHEMA = "schema";

  /**
   * The {@link WarehouseFileId} of the warehouse file the commit's run is published in, when the
   * sync knew it: what a reader that only searches matches the live file against.
   */
  static final String COMMIT_WAREHOUSE_FILE = "warehouse_file";

  static final String DOC_TYPE = "doc_type";
  static final String TYPE_TEXT = "text";

  /** One marker document per indexed report: what sync compares with the warehouse. */
  static final String TYPE_REPORT = "report";

  /** Stored only: report/project/kind/item, for tests and debugging. */
  static final String ID = "id";

  static final String REPORT_ID = "report_id";
  static final String SUPERSEDED_BY = "superseded_by";

  /**
   * Stored in the marker only: the warehouse run that read the report. A report the warehouse
   * re-parsed (another hyoka version made it) has a new run under the same report_id.
   */
  static final String REPORT_RUN = "report_run";

  static final String CURRENT = "current";
  static final String SERIES = "series";
  static final String FISCAL_YEAR = "fiscal_year";

  /** Doc values of the fiscal year: equal relevance ranks the newer report first. */
  static final String FISCAL_YEAR_SORT = "fiscal_year_sort";

  /**
   * Sorted doc values of report, project, kind and item ({@link SearchIndex#order}): ties of score
   * and year rank in this order, whatever order the indexing threads added the texts in.
   */
  static final String ORDER = "order";

  static final String PROJECT_NO = "project_no";
  static final String PROJECT_KEY = "project_key";
  static final String PROJECT_NAME = "project_name";
  static final String GROUP_NO = "group_no";
  static final String GROUP_NAME = "group_name";
  static final String GROUP_KEY = "group_key";
  static final String DEPARTMENT = "department";
  static final String DEPARTMENT_KEY = "department_key";
  static final String SECTION = "section";
  static final String SECTION_KEY = "section_key";
  static final String KIND = "kind";
  static final String ITEM_NO = "item_no";
  static final String ITEM_NAME = "item_name";
  static final String PAGE = "page";
  static final String TEXT = "text";
  static final String TEXT_BIGRAM = "text_bigram";

  /** One stored value per KPI of the project, encoded by {@link KpiScore#encode()}. */
  static final String KPI = "kpi";

  /** The effective score of each KPI of the project (printed, else computed), for ranges. */
  static final String KPI_SCORE = "kpi_score";

  /**
   * The effective grade of each graded KPI of the project (printed, else by the legend), once per
   * distinct grade, for {@code --grade}.
   */
  static final String GRADE = "grade";

  static final String DOC_COUNT = "doc_count";

  /** Facet dimensions. */
  static final String FACET_DEPARTMENT = "department";

  static final String FACET_KIND = "kind";
  static final String FACET_YEAR = "fiscal_year";

  /**
   * The project's KPI grades: multi-valued, a text counts once under each grade its project has.
   */
  static final String FACET_GRADE = "grade";
}
