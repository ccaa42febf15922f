package io.migtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/** Text from a pull request must show as written, never as markup. */
class MarkdownTextTest {
  private static String html(String markdown) {
    return HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
  }

  @Test
  void inlineTextCannotInjectLinksHtmlMentionsOrTableCells() {
    String hostile =
        "x | y <img src=x onerror=alert(1)> [click](http://evil) @octocat **bold**\nnext";
    String escaped = MarkdownText.inline(hostile);
    assertThat(escaped)
        .doesNotContain("\n")
        .doesNotContain("<img")
        .contains("\\|")
        .contains("\\[click\\]");
    String rendered = html(escaped);
    assertThat(rendered).doesNotContain("<img").doesNotContain("<a ").doesNotContain("<strong>");
    assertThat(rendered).contains("@\u200Boctocat").contains("[click](http://evil)");
  }

  /** GitHub would link these to issues of this or another repository, and notify them. */
  @Test
  void issueReferencesAreNotReferencesAnyMore() {
    String rendered = html(MarkdownText.inline("fixes #12 and octo/repo#3"));
    assertThat(rendered)
        .contains("#\u200B12")
        .contains("octo/repo#\u200B3")
        .doesNotContainPattern("#\\d");
  }

  @Test
  void codeSpansCannotBeClosedByTheirContent() {
    String span = MarkdownText.code("a ``b`` c");
    assertThat(html(span)).contains("<code>a ``b`` c</code>");
  }

  @Test
  void aPipeNeedsEscapingInATableCellOnly() {
    assertThat(html("in " + MarkdownText.code("a|b"))).contains("<code>a|b</code>");
    assertThat(MarkdownText.codeInCell("a|b")).isEqualTo("` a\\|b `");
  }
}
