package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultFormatTest {
  private static final QueryResult RESULT =
      new QueryResult(
          List.of("name", "actual", "note"),
          List.of("VARCHAR", "DOUBLE", "VARCHAR"),
          List.of(Arrays.asList("交通事故件数", 173.0, null), Arrays.asList("LED防犯灯", 81.4, "a,\"b\"")));

  @Test
  void tableAlignsWideCharactersAsTwoColumns() {
    String table = ResultFormat.TABLE.format(RESULT);
    assertThat(table.split("\n"))
        .containsExactly(
            "name         | actual | note",
            "-------------+--------+------",
            "交通事故件数 |    173 | NULL",
            "LED防犯灯    |   81.4 | a,\"b\"",
            "(2 rows)");
    for (String line : table.split("\n")) {
      if (line.contains("|")) {
        assertThat(ResultFormat.displayWidth(line.substring(0, line.indexOf('|')))).isEqualTo(13);
      }
    }
  }

  @Test
  void csvQuotesAndShowsNullAsEmpty() {
    assertThat(ResultFormat.CSV.format(RESULT))
        .isEqualTo("name,actual,note\n交通事故件数,173,\nLED防犯灯,81.4,\"a,\"\"b\"\"\"\n");
  }

  @Test
  void jsonKeepsJapaneseUnescapedAndNullAsNull() {
    assertThat(ResultFormat.JSON.format(RESULT))
        .isEqualTo(
            "[\n  {\"name\": \"交通事故件数\", \"actual\": 173, \"note\": null},\n"
                + "  {\"name\": \"LED防犯灯\", \"actual\": 81.4, \"note\": \"a,\\\"b\\\"\"}\n]\n");
  }

  @Test
  void nonFiniteFloatsAndDoublesPrintAsTextInEveryFormat() {
    QueryResult r =
        new QueryResult(
            List.of("f", "d"),
            List.of("FLOAT", "DOUBLE"),
            List.of(
                List.of(Float.POSITIVE_INFINITY, Double.NaN),
                List.of(Float.NaN, Double.NEGATIVE_INFINITY),
                List.of(1.5f, 12.0)));
    assertThat(ResultFormat.JSON.format(r))
        .isEqualTo(
            "[\n  {\"f\": \"Infinity\", \"d\": \"NaN\"},\n  {\"f\": \"NaN\", \"d\": \"-Infinity\"},\n"
                + "  {\"f\": 1.5, \"d\": 12}\n]\n");
    assertThat(ResultFormat.CSV.format(r)).isEqualTo("f,d\nInfinity,NaN\nNaN,-Infinity\n1.5,12\n");
    assertThat(ResultFormat.TABLE.format(r))
        .contains("Infinity |       NaN", "     NaN | -Infinity");
  }

  @Test
  void emptyResult() {
    QueryResult empty = new QueryResult(List.of("n"), List.of("INTEGER"), List.of());
    assertThat(ResultFormat.JSON.format(empty)).isEqualTo("[]\n");
    assertThat(ResultFormat.CSV.format(empty)).isEqualTo("n\n");
    assertThat(ResultFormat.TABLE.format(empty)).isEqualTo("n\n-\n(0 rows)\n");
  }

  @Test
  void timestampsAlwaysPrintSeconds() {
    QueryResult r =
        new QueryResult(
            List.of("t"),
            List.of("TIMESTAMP"),
            List.of(
                List.of(java.time.LocalDateTime.parse("2026-11-28T09:00")),
                List.of(java.time.LocalDateTime.parse("2026-11-28T09:00:01.5"))));
    assertThat(ResultFormat.CSV.format(r))
        .isEqualTo("t\n2026-11-28 09:00:00\n2026-11-28 09:00:01.500000\n");
  }

  @Test
  void everyFormatEndsLinesWithLfAndKeepsALineBreakOfAValueInside() {
    QueryResult r =
        new QueryResult(
            List.of("n", "text"),
            List.of("INTEGER", "VARCHAR"),
            List.of(List.of(124, "二行\r\n目"), List.of(125, "x")));
    assertThat(ResultFormat.CSV.format(r)).isEqualTo("n,text\n124,\"二行\r\n目\"\n125,x\n");
    assertThat(ResultFormat.CSV.format(r).lines().toList()).last().isEqualTo("125,x");
    assertThat(ResultFormat.JSON.format(r))
        .isEqualTo(
            "[\n  {\"n\": 124, \"text\": \"二行\\r\\n目\"},\n  {\"n\": 125, \"text\": \"x\"}\n]\n");
    assertThat(ResultFormat.TABLE.format(r)).doesNotContain("\r").contains("二行⏎目");
  }

  @Test
  void aTableHoldsRowsForItsWidthsOnlyUpToItsCharacterLimitToo() throws Exception {
    // 100,000-character values: the limit of characters comes before the limit of rows
    int wide = 100_000;
    int held = ResultFormat.TABLE_WIDTH_CHARS / wide;
    assertThat(held).isLessThan(ResultFormat.TABLE_WIDTH_ROWS);
    java.io.StringWriter out = new java.io.StringWriter();
    RowSink table = ResultFormat.TABLE.writer(out);
    table.columns(List.of("v", "n"), List.of("VARCHAR", "INTEGER"));
    for (int i = 0; i < held - 1; i++) {
      table.row(Arrays.asList("x".repeat(wide), i));
    }
    assertThat(out.toString()).as("the rows are held until the limit").isEmpty();
    table.row(Arrays.asList("x".repeat(wide), held - 1));
    // then the header, the rule and the rows held are out, as wide as the widest of them
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(held + 2);
    assertThat(lines.get(0)).isEqualTo("v" + " ".repeat(wide - 1) + " | n");
    assertThat(lines.get(1)).isEqualTo("-".repeat(wide) + "-+-" + "--");
    assertThat(lines.get(held + 1)).isEqualTo("x".repeat(wide) + " | " + (held - 1));
    // a later row is written as it comes, with those widths; a wider value pushes its line on
    table.row(Arrays.asList("y".repeat(wide + 5), 123));
    table.row(Arrays.asList("z", null));
    table.end();
    lines = out.toString().lines().toList();
    assertThat(lines.subList(held + 2, lines.size()))
        .containsExactly(
            "y".repeat(wide + 5) + " | 123", "z" + " ".repeat(wide - 1) + " | NULL", "(82 rows)");
  }
}
