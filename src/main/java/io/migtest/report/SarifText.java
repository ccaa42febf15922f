package io.migtest.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migtest.finding.RuleId;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The strings of {@code results.sarif}: rule descriptions, message texts and file URIs. */
final class SarifText {
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/";

  private SarifText() {}

  /**
   * A {@code reportingDescriptor} for rule {@code id} (kebab-case): code scanning requires a short
   * and a full description and help text; the rule's page says the rest.
   */
  static ObjectNode rule(String id) {
    String url = RuleId.docUrl(id);
    String title = Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' ');
    ObjectNode rule = JsonReport.mapper().createObjectNode();
    rule.put("id", id);
    rule.put("name", pascalCase(id));
    rule.putObject("shortDescription").put("text", title);
    rule.putObject("fullDescription").put("text", title + " (migtest rule " + id + ").");
    rule.put("helpUri", url);
    ObjectNode help = rule.putObject("help");
    help.put("text", "What " + id + " checks and how to fix a finding: " + url);
    help.put("markdown", "What [" + id + "](" + url + ") checks and how to fix a finding.");
    return rule;
  }

  /**
   * Plain message text, where SARIF reads {@code [text](target)} as a link (code scanning shows it
   * as one): a bracket from a file name or a server message is escaped, so that a pull request
   * cannot put a link into the alert.
   */
  static String message(String text) {
    return text.replace("[", "\\[").replace("]", "\\]");
  }

  /**
   * A relative path as a URI reference: every byte but unreserved characters and {@code /}
   * percent-encoded (code scanning decodes it to find the file).
   */
  static String uri(String path) {
    StringBuilder out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  private static String pascalCase(String id) {
    StringBuilder out = new StringBuilder(id.length());
    for (String word : id.split("-")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }
}
