package io.migtest.lint;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.sql.ParsedScripts;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the rules over the pull request's new migrations: every up script in migration order, then
 * every down script, statement by statement, so that each rule sees what the statements before
 * created; applies the severities of the settings and the scripts' ignore comments.
 */
public final class Linter {
  /**
   * The layouts whose tool keeps a rollback beside every migration ({@code .down.sql}, {@code --
   * migrate:down}, {@code down.sql}, {@code revert/}) and creates one with each new migration.
   * Flyway's undo scripts are a paid edition's, and Liquibase's rollback comments are optional.
   */
  private static final Set<String> LAYOUTS_WITH_DOWNS =
      Set.of("golang-migrate", "dbmate", "directory", "sqitch");

  private final List<Rule> rules;
  private final RuleSettings settings;

  public Linter(List<Rule> rules, RuleSettings settings) {
    this.rules = List.copyOf(rules);
    this.settings = settings;
  }

  /** The findings of the new migrations of {@code migrations}, up scripts first. */
  public List<Finding> lint(
      MigrationComparison migrations, ParsedScripts parsed, BaseCatalog catalog) {
    Function<Statement, Optional<net.sf.jsqlparser.statement.Statement>> parser = parsed::ast;
    boolean downsExpected = LAYOUTS_WITH_DOWNS.contains(migrations.head().layout().name());
    List<UpAndDown> pairs =
        migrations.head().migrations().parallelStream()
            .filter(migrations::isNew)
            .map(m -> upAndDown(m, downsExpected, parser))
            .toList();
    List<LintScript> ups = pairs.stream().map(UpAndDown::up).toList();
    List<LintScript> downs = pairs.stream().map(UpAndDown::down).filter(Objects::nonNull).toList();
    LintContext context = new LintContext(catalog);
    List<Finding> findings = new ArrayList<>();
    ups.forEach(s -> lint(s, context, findings));
    downs.forEach(s -> lint(s, context, findings));
    return findings;
  }

  /** A migration's scripts as lint reads them; the down is null when there is none. */
  private record UpAndDown(LintScript up, LintScript down) {}

  /**
   * The up and down script of {@code m} as lint reads them. Reading them, which splits and
   * tokenizes every statement, runs in parallel; the rules then go through the scripts in order.
   */
  private static UpAndDown upAndDown(
      Migration m,
      boolean downsExpected,
      Function<Statement, Optional<net.sf.jsqlparser.statement.Statement>> parser) {
    LintScript down = m.down() == null ? null : script(m.down(), true, parser);
    LintScript.PairedDown paired =
        !downsExpected
            ? LintScript.PairedDown.NOT_EXPECTED
            : down == null
                ? LintScript.PairedDown.MISSING
                : down.statements().isEmpty()
                    ? LintScript.PairedDown.EMPTY
                    : LintScript.PairedDown.WRITTEN;
    return new UpAndDown(script(m.up(), false, parser, paired), down);
  }

  /** The statements of {@code script}, as lint reads them, with no down script expected. */
  static LintScript script(
      SqlScript script,
      boolean down,
      Function<Statement, Optional<net.sf.jsqlparser.statement.Statement>> parser) {
    return script(script, down, parser, LintScript.PairedDown.NOT_EXPECTED);
  }

  /** The statements of {@code script}, as lint reads them, with what the layout pairs with it. */
  static LintScript script(
      SqlScript script,
      boolean down,
      Function<Statement, Optional<net.sf.jsqlparser.statement.Statement>> parser,
      LintScript.PairedDown pairedDown) {
    List<Statement> statements = script.split().statements();
    List<LintStatement> linted = new ArrayList<>(statements.size());
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      linted.add(new LintStatement(s, Tokens.of(SqlTokens.of(s.sql(), s.startLine())), i, parser));
    }
    return new LintScript(
        script.file(),
        down,
        script.transactionMode(),
        script.text(),
        script.firstLine(),
        List.copyOf(linted),
        pairedDown);
  }

  void lint(LintScript script, LintContext context, List<Finding> findings) {
    Suppressions suppressions = Suppressions.of(script);
    context.start(script);
    List<Rule> active =
        rules.stream()
            .filter(settings::enabled)
            .filter(r -> !script.down() || r.checksDownScripts())
            .toList();
    for (LintStatement statement : script.statements()) {
      for (Rule rule : active) {
        rule.check(statement, context, new Report(rule, script, suppressions, findings));
      }
      context.after(statement);
    }
    Set<String> known = rules.stream().map(Rule::id).collect(Collectors.toSet());
    Set<String> enabled = active.stream().map(Rule::id).collect(Collectors.toSet());
    findings.addAll(suppressions.problems(known, enabled));
  }

  /** Turns a rule's findings into reported ones: its severity, the file, the ignore comments. */
  private final class Report implements RuleReport {
    private final Rule rule;
    private final LintScript script;
    private final Suppressions suppressions;
    private final List<Finding> findings;

    Report(Rule rule, LintScript script, Suppressions suppressions, List<Finding> findings) {
      this.rule = rule;
      this.script = script;
      this.suppressions = suppressions;
      this.findings = findings;
    }

    @Override
    public void at(LintStatement statement, String message) {
      add(statement, message, settings.severity(rule));
    }

    @Override
    public void unverified(LintStatement statement, String message) {
      Severity severity = settings.severity(rule);
      add(statement, message, severity == Severity.ERROR ? Severity.WARNING : severity);
    }

    private void add(LintStatement statement, String message, Severity severity) {
      if (!suppressions.silences(rule.id(), statement)) {
        findings.add(
            new Finding(
                rule.id(),
                severity,
                script.file(),
                statement.line(),
                statement.endLine(),
                message,
                null));
      }
    }
  }
}
