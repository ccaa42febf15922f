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
import java.util.stream.IntStream;

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

  /** Fewer statements than this are linted in one piece. */
  private static final int MIN_PIECE_STATEMENTS = 1_000;

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
    List<LintScript> scripts = new ArrayList<>(pairs.stream().map(UpAndDown::up).toList());
    pairs.stream().map(UpAndDown::down).filter(Objects::nonNull).forEach(scripts::add);
    return lint(scripts, catalog, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The findings of {@code scripts} linted in order, in up to {@code pieces} pieces side by side: a
   * piece's context first takes in every statement before it (which is cheap: the rules do not run
   * on them), so each rule sees what it would see in one pass, and the findings come in the same
   * order.
   */
  List<Finding> lint(List<LintScript> scripts, BaseCatalog catalog, int pieces) {
    List<List<LintScript>> split = pieces(scripts, pieces);
    List<List<Finding>> found =
        IntStream.range(0, split.size())
            .parallel()
            .mapToObj(
                i -> {
                  LintContext context = new LintContext(catalog);
                  split.subList(0, i).forEach(piece -> piece.forEach(context::takeIn));
                  List<Finding> findings = new ArrayList<>();
                  split.get(i).forEach(script -> lint(script, context, findings));
                  return findings;
                })
            .toList();
    return found.stream().flatMap(List::stream).toList();
  }

  /**
   * {@code scripts} cut into at most {@code pieces} runs of about as many statements; a small pull
   * request stays in one piece, where a thread would cost more than it saves.
   */
  private static List<List<LintScript>> pieces(List<LintScript> scripts, int pieces) {
    int total = scripts.stream().mapToInt(s -> s.statements().size()).sum();
    int size = Math.max(MIN_PIECE_STATEMENTS, (total + pieces - 1) / Math.max(1, pieces));
    List<List<LintScript>> split = new ArrayList<>();
    List<LintScript> piece = new ArrayList<>();
    int inPiece = 0;
    for (LintScript script : scripts) {
      if (inPiece >= size) {
        split.add(piece);
        piece = new ArrayList<>();
        inPiece = 0;
      }
      piece.add(script);
      inPiece += script.statements().size();
    }
    split.add(piece);
    return split;
  }

  /** A migration's scripts as lint reads them; the down is null when there is none. */
  private record UpAndDown(LintScript up, LintScript down) {}

  /**
   * The up and down script of {@code m} as lint reads them. Reading them, which splits and
   * tokenizes every statement and makes the readings rules share, runs in parallel; the rules then
   * go through the scripts in order.
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
      Tokens tokens = Tokens.of(SqlTokens.of(s.sql(), s.startLine()));
      readAhead(tokens);
      linted.add(new LintStatement(s, tokens, i, parser));
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

  /**
   * The readings many rules share, made while the scripts are read in parallel: the rules' pass in
   * migration order then finds them made.
   */
  private static void readAhead(Tokens tokens) {
    TableLock.of(tokens);
    ColumnDefinition.of(tokens);
  }

  void lint(LintScript script, LintContext context, List<Finding> findings) {
    Suppressions suppressions = Suppressions.of(script);
    context.start(script);
    List<Rule> active =
        rules.stream()
            .filter(settings::enabled)
            .filter(r -> !script.down() || r.checksDownScripts())
            .toList();
    List<Report> reports =
        active.stream().map(rule -> new Report(rule, script, suppressions, findings)).toList();
    for (LintStatement statement : script.statements()) {
      for (Report report : reports) {
        report.rule.check(statement, context, report);
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
