package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void statementsSplitAtSemicolonsOutsideLiteralsAndComments() {
    assertThat(
            SqlText.statements(
                "SELECT ';' AS a; -- a comment; still\nSELECT \"x;y\" FROM t /* ; /* nested; */ ; */;"
                    + " SELECT $$;$$, $q$ ; $q$, E'\\';' ;  ; -- only a comment"))
        .containsExactly(
            "SELECT ';' AS a",
            "-- a comment; still\nSELECT \"x;y\" FROM t /* ; /* nested; */ ; */",
            "SELECT $$;$$, $q$ ; $q$, E'\\';'");
  }

  @Test
  void anUnclosedLiteralRunsToTheEnd() {
    assertThat(SqlText.statements("SELECT 1; SELECT 'a;b"))
        .containsExactly("SELECT 1", "SELECT 'a;b");
    assertThat(SqlText.skip("'abc", 0)).isEqualTo(SqlText.OPEN);
    assertThat(SqlText.skip("/* /* */", 0)).isEqualTo(SqlText.OPEN);
    assertThat(SqlText.skip("$a$ x $b$", 0)).isEqualTo(SqlText.OPEN);
  }

  @Test
  void aParameterOrAWordWithADollarIsNoQuote() {
    assertThat(SqlText.skip("$1 + $2", 0)).isZero();
    assertThat(SqlText.statements("SELECT a$b$c; SELECT 2"))
        .containsExactly("SELECT a$b$c", "SELECT 2");
  }

  @Test
  void completeWhenTheLastCodeIsASemicolon() {
    assertThat(SqlText.isComplete("SELECT 1;")).isTrue();
    assertThat(SqlText.isComplete("SELECT 1; -- done\n  ")).isTrue();
    assertThat(SqlText.isComplete("SELECT 1 /* ; */")).isFalse();
    assertThat(SqlText.isComplete("SELECT ';")).isFalse();
    assertThat(SqlText.isComplete("SELECT 1")).isFalse();
    assertThat(SqlText.isComplete("   ")).isTrue();
    assertThat(SqlText.isComplete("-- nothing")).isTrue();
  }

  @Test
  void firstWordSkipsCommentsAndSpace() {
    assertThat(SqlText.firstWord("  -- x\n /* y */ vacuum kpis")).isEqualTo("VACUUM");
    assertThat(SqlText.firstWord("(SELECT 1)")).isEmpty();
    assertThat(SqlText.firstWord("")).isEmpty();
  }

  @Test
  void aVeryLongTextScansWithoutRecursion() {
    String open = "(".repeat(200_000);
    String literal = "'" + "a''".repeat(100_000) + "'";
    assertThat(SqlText.statements("SELECT " + literal + open + ";")).hasSize(1);
    assertThat(SqlText.isComplete("/*".repeat(50_000) + "*/".repeat(50_000) + ";")).isTrue();
  }
}
