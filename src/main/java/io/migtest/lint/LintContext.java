package io.migtest.lint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a rule may know when it looks at a statement: the base state's catalog (when a database is
 * there), what the pull request created before this statement, and where the statement stands in
 * its script (in a transaction or not, after a {@code lock_timeout} or not).
 */
public final class LintContext {
  private final BaseCatalog catalog;
  private final PullRequestObjects created = new PullRequestObjects();
  private final PullRequestColumns columns = new PullRequestColumns();
  private LintScript script;
  private boolean explicitTransaction;
  private boolean lockTimeout;
  private boolean localLockTimeout;
  private final List<LintStatement> transactionSoFar = new ArrayList<>();
  private final List<EnumValueAdded> enumValuesAddedInTransaction = new ArrayList<>();
  private final Map<Class<?>, Object> transactionMemos = new HashMap<>();
  private boolean accessExclusiveEarlier;
  private final List<LintStatement> linted = new ArrayList<>();
  private final Map<String, List<LintStatement>> scriptByFirstWord = new HashMap<>();

  public LintContext(BaseCatalog catalog) {
    this.catalog = catalog;
  }

  public BaseCatalog catalog() {
    return catalog;
  }

  /** The script being linted. */
  public LintScript script() {
    return script;
  }

  /**
   * Whether the relation (a table, index, view, ...) was there before the pull request: in the base
   * catalog, or without a database, not created by the pull request (see {@link #assumption()}).
   */
  public boolean existedBefore(QualifiedName relation) {
    if (created.relation(relation)) {
      return false;
    }
    QualifiedName original = created.original(relation);
    return !catalog.known() || catalog.relation(original).isPresent();
  }

  /** Whether the column was there before the pull request, by the same rules as tables. */
  public boolean columnExistedBefore(QualifiedName table, String column) {
    if (created.column(table, column)) {
      return false;
    }
    return !catalog.known() || catalog.column(created.original(table), column).isPresent();
  }

  /**
   * The column as the base state has it, found under the table's name before this pull request
   * renamed it; empty when the pull request created it or when there is no database.
   */
  public Optional<BaseCatalog.Column> baseColumn(QualifiedName table, String column) {
    return columnExistedBefore(table, column)
        ? catalog.column(created.original(table), column)
        : Optional.empty();
  }

  /**
   * How volatile the function is: as the pull request's {@code CREATE FUNCTION} declares it, else
   * as the base catalog has it; empty when neither knows the function.
   */
  public Optional<BaseCatalog.Volatility> functionVolatility(QualifiedName function) {
    return created.function(function).or(() -> catalog.volatility(function));
  }

  /** Whether the type or domain was there before the pull request. */
  public boolean typeExistedBefore(QualifiedName type) {
    return !created.type(type) && (!catalog.known() || catalog.type(type));
  }

  /** Whether the schema was there before the pull request, by the same rules as tables. */
  public boolean schemaExistedBefore(String schema) {
    return !created.schema(schema) && (!catalog.known() || catalog.schema(schema));
  }

  /**
   * The column's type before this statement: as the pull request last defined it, else as the base
   * catalog has it; empty when neither says (no database, and not defined in the pull request).
   */
  public Optional<ColumnType> columnType(QualifiedName table, String column) {
    ColumnType defined = columns.type(table, column);
    if (defined != null || created.relation(table)) {
      return Optional.ofNullable(defined);
    }
    return catalog.column(created.original(table), column).map(c -> ColumnType.parse(c.type()));
  }

  /**
   * The columns of the table's primary key before this statement: as the pull request defined it,
   * else as the base catalog has it; empty when neither says.
   */
  public Optional<List<String>> primaryKey(QualifiedName table) {
    List<String> defined = columns.primaryKey(table);
    if (defined != null || created.relation(table)) {
      return Optional.ofNullable(defined);
    }
    return catalog.primaryKey(created.original(table));
  }

  /** Whether no database answers: what the pull request does not create is taken to exist. */
  public boolean withoutDatabase() {
    return !catalog.known();
  }

  /** What a message adds when there is no database to ask: the finding rests on the files alone. */
  public String assumption() {
    return withoutDatabase()
        ? " (No database: assumed to exist, as the pull request does not create it.)"
        : "";
  }

  /** Whether the statement runs inside a transaction (the tool's, or an explicit BEGIN). */
  public boolean inTransaction() {
    return script.wrappedInTransaction() || explicitTransaction;
  }

  /** Whether an explicit {@code BEGIN} or {@code START TRANSACTION} is open. */
  public boolean inExplicitTransaction() {
    return explicitTransaction;
  }

  /** Whether a non-zero {@code lock_timeout} was set earlier in this script and still holds. */
  public boolean lockTimeoutSet() {
    return lockTimeout || localLockTimeout;
  }

  /** The statements before this one in the same transaction, oldest first (a read-only view). */
  public List<LintStatement> earlierInTransaction() {
    return Collections.unmodifiableList(transactionSoFar);
  }

  /**
   * What a rule gathers from the statements of the current transaction, made on first use and
   * dropped when the transaction ends: a rule folds in {@link #earlierInTransaction()} from where
   * it stopped the last time, instead of reading the whole transaction again for every statement.
   */
  public <T> T transactionMemo(Class<T> type, Supplier<T> create) {
    return type.cast(transactionMemos.computeIfAbsent(type, t -> create.get()));
  }

  /** The enum values that statements before this one in the same transaction added. */
  public List<EnumValueAdded> enumValuesAddedInTransaction() {
    return Collections.unmodifiableList(enumValuesAddedInTransaction);
  }

  /**
   * Whether an earlier statement of this script took an ACCESS EXCLUSIVE lock on a table that
   * existed before the pull request.
   */
  public boolean accessExclusiveEarlier() {
    return accessExclusiveEarlier;
  }

  /** The ACCESS EXCLUSIVE lock {@code statement} takes on a table that existed before, if any. */
  public Optional<TableLock> accessExclusiveOnExisting(LintStatement statement) {
    return TableLock.of(statement.tokens()).stream()
        .filter(l -> l.mode() == LockMode.ACCESS_EXCLUSIVE)
        .filter(l -> existedBefore(l.table()))
        .findFirst();
  }

  /**
   * Every statement linted before this one, oldest first: the earlier statements of this script and
   * those of the scripts linted before it (the pull request's earlier migrations). Rules read what
   * the pull request did before, such as a default set or an enum value added, from it.
   */
  public List<LintStatement> earlierStatements() {
    return Collections.unmodifiableList(linted);
  }

  /**
   * The statements of this script before this one whose first word is {@code word} (lower case),
   * oldest first: what rules that look back for one kind of statement read, so that a script of
   * many thousand statements is not scanned again for each one.
   */
  public List<LintStatement> earlierInScriptStartingWith(String word) {
    return Collections.unmodifiableList(scriptByFirstWord.getOrDefault(word, List.of()));
  }

  /** Starts a script: nothing of the previous script's session carries over. */
  void start(LintScript next) {
    script = next;
    explicitTransaction = false;
    lockTimeout = false;
    localLockTimeout = false;
    endTransaction();
    scriptByFirstWord.clear();
    accessExclusiveEarlier = false;
  }

  /** Takes in what {@code script} did, as if it had been linted. */
  void takeIn(LintScript script) {
    start(script);
    script.statements().forEach(this::after);
  }

  /** Takes in what {@code statement} did, once every rule has looked at it. */
  void after(LintStatement statement) {
    Tokens t = statement.tokens();
    accessExclusiveEarlier |= accessExclusiveOnExisting(statement).isPresent();
    created.record(t);
    columns.record(t);
    for (Tokens inside : DoBlock.statements(t)) {
      created.record(inside);
      columns.record(inside);
    }
    linted.add(statement);
    if (!t.isEmpty() && t.get(0).kind() == SqlTokens.Kind.WORD) {
      scriptByFirstWord.computeIfAbsent(t.get(0).value(), w -> new ArrayList<>()).add(statement);
    }
    if (t.startsWith("begin") || t.startsWith("start", "transaction")) {
      explicitTransaction = true;
      endTransaction();
      return;
    }
    if (t.startsWith("commit")
        || t.startsWith("end")
        || t.startsWith("rollback")
        || t.startsWith("abort")) {
      if (!t.has("to")) {
        explicitTransaction = false;
        localLockTimeout = false;
        endTransaction();
      }
      return;
    }
    LockTimeoutSetting.of(t)
        .ifPresent(
            setting -> {
              if (setting.local()) {
                localLockTimeout = inTransaction() && setting.nonZero();
              } else {
                lockTimeout = setting.nonZero();
              }
            });
    if (inTransaction()) {
      transactionSoFar.add(statement);
      EnumValueAdded.of(statement).ifPresent(enumValuesAddedInTransaction::add);
    }
  }

  private void endTransaction() {
    transactionSoFar.clear();
    enumValuesAddedInTransaction.clear();
    transactionMemos.clear();
  }
}
