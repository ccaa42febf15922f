package io.migtest.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.RuleId;
import io.migtest.lint.rules.Rules;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reports and SARIF link every finding's rule id to {@code rules/<id>.md}: each id of {@link
 * RuleId} has its page, and every page has the sections a reader looks for.
 */
class RulePagesTest {
  private static final List<String> SECTIONS =
      List.of("## Problem", "## Why it hurts in production", "## The safe way", "## Example");

  private static Path folder() throws URISyntaxException {
    return Path.of(RulePagesTest.class.getResource("/rules").toURI());
  }

  @Test
  void everyRuleIdHasAPage() throws Exception {
    List<String> ids =
        Arrays.stream(RuleId.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .filter(f -> !f.getName().equals("DOCS"))
            .map(RulePagesTest::value)
            .toList();
    assertThat(ids).hasSizeGreaterThan(30);
    for (String id : ids) {
      assertThat(folder().resolve(id + ".md")).as("the page of %s", id).isRegularFile();
    }
  }

  @Test
  void everyLintRuleHasAPageThatMigtestRulesPrints() {
    for (Rule rule : Rules.ALL) {
      assertThat(RulePages.of(rule.id()))
          .as("the page of %s", rule.id())
          .hasValueSatisfying(
              page ->
                  assertThat(page)
                      .startsWith("# " + rule.id() + "\n")
                      .contains("Severity: " + rule.severity().id()));
    }
  }

  @Test
  void everyPageHasTheTitleTheSeverityLineTheSectionsAndAnExample() throws Exception {
    try (Stream<Path> pages = Files.list(folder())) {
      for (Path page : pages.toList()) {
        String id = page.getFileName().toString().replaceFirst("\\.md$", "");
        List<String> lines = read(page);
        assertThat(lines.get(0)).as(id).isEqualTo("# " + id);
        assertThat(lines.get(2)).as(id).startsWith("Severity: ");
        String header = String.join(" ", lines.subList(2, lines.indexOf(SECTIONS.get(0))));
        assertThat(header).as(id).contains("Looks at: ", "Context: ");
        assertThat(SECTIONS.stream().map(lines::indexOf).toList())
            .as("%s has its sections in order", id)
            .isSorted()
            .doesNotContain(-1);
        String example =
            String.join("\n", lines.subList(lines.indexOf("## Example"), lines.size()));
        assertThat(example).as(id).contains("```sql\n-- Flagged", "\n-- Safe");
      }
    }
  }

  private static List<String> read(Path page) {
    try {
      return Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
