package hyoka.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module dependency direction: transform depends on nobody; warehouse and search only on
 * transform; ingest on transform and, for the pipeline's sinks, warehouse and search; notebooks and
 * web on warehouse and search; nothing on cli. Maven already forbids cycles; this also forbids
 * dependencies a pom could grow by accident. Inside transform, the layout-independent core ({@code
 * hyoka.transform}) knows no layout, layouts ({@code hyoka.transform.layout.NAME}) do not know each
 * other, and the other modules reach a layout only through the core's {@code Layouts} registry.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("hyoka");
  }

  @Test
  void everyModuleIsImported() {
    for (String pkg :
        new String[] {
          "hyoka.transform",
          "hyoka.transform.layout.strategyreport",
          "hyoka.warehouse",
          "hyoka.search",
          "hyoka.ingest",
          "hyoka.notebooks",
          "hyoka.web",
          "hyoka.cli"
        }) {
      org.assertj.core.api.Assertions.assertThat(
              classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s imported", pkg)
          .isTrue();
    }
  }

  @Test
  void transformIsPlainJava() {
    forbid(
        "hyoka.transform..",
        "hyoka.warehouse..",
        "hyoka.search..",
        "hyoka.ingest..",
        "hyoka.notebooks..",
        "hyoka.web..",
        "hyoka.cli..",
        "org.apache.beam..",
        "io.javalin..",
        "org.apache.tika..",
        "org.apache.lucene..",
        "org.apache.arrow..",
        "org.duckdb..",
        "picocli..");
  }

  @Test
  void theTransformCoreDependsOnNoLayout() {
    noClasses()
        .that()
        .resideInAPackage("hyoka.transform")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("hyoka.transform.layout..")
        .check(classes);
  }

  @Test
  void noLayoutDependsOnAnother() {
    slices()
        .matching("hyoka.transform.layout.(*)..")
        .should()
        .notDependOnEachOther()
        .check(classes);
  }

  /** The ingest finds layouts through {@code Layouts}; no module reads a layout's internals. */
  @Test
  void otherModulesUseOnlyTheTransformCore() {
    noClasses()
        .that()
        .resideOutsideOfPackage("hyoka.transform..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("hyoka.transform.layout..")
        .check(classes);
  }

  @Test
  void warehouseDependsOnlyOnTransform() {
    forbid(
        "hyoka.warehouse..",
        "hyoka.search..",
        "hyoka.ingest..",
        "hyoka.notebooks..",
        "hyoka.web..",
        "hyoka.cli..");
  }

  @Test
  void searchDependsOnlyOnTransform() {
    forbid(
        "hyoka.search..",
        "hyoka.warehouse..",
        "hyoka.ingest..",
        "hyoka.notebooks..",
        "hyoka.web..",
        "hyoka.cli..");
  }

  @Test
  void ingestDoesNotDependOnCliOrNotebooks() {
    forbid("hyoka.ingest..", "hyoka.notebooks..", "hyoka.web..", "hyoka.cli..");
  }

  @Test
  void notebooksDoNotDependOnCliOrIngest() {
    forbid("hyoka.notebooks..", "hyoka.cli..", "hyoka.ingest..", "hyoka.web..");
  }

  /** cli → web → search/warehouse → transform: the server never runs an ingest or a notebook. */
  @Test
  void webDependsOnlyOnSearchWarehouseAndTransform() {
    forbid(
        "hyoka.web..", "hyoka.cli..", "hyoka.ingest..", "hyoka.notebooks..", "org.apache.beam..");
  }

  @Test
  void nothingDependsOnCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("hyoka.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("hyoka.cli..")
        .check(classes);
  }

  private static void forbid(String pkg, String... forbidden) {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(pkg)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(forbidden);
    rule.check(classes);
  }
}
