package io.migtest.report;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Renders {@code report.html} from the Markdown report, with raw HTML escaped. */
public final class HtmlReport implements ReportRenderer {
  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public String render(RunReport report) {
    String markdown = new MarkdownReport().render(report);
    String body = RENDERER.render(PARSER.parse(markdown.replace(MarkdownReport.MARKER + "\n", "")));
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>migtest report</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}"
        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;"
        + "vertical-align:top}code{background:#f4f4f4}"
        + "</style></head><body>\n"
        + body
        + "</body></html>\n";
  }
}
