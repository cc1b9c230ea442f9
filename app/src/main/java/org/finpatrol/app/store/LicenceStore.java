package org.finpatrol.app.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.finpatrol.classifier.licence.Licence;
import org.finpatrol.classifier.licence.LicenceRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The licence registry in the database: the file's rows, loaded at start-up, and the rows admins
 * add or remove while the system runs. {@link #current()} is what the classifier asks for each
 * text, so an edit applies to the next page classified. Thread-safe.
 */
public final class LicenceStore {

  /** A registry row as stored: its id, where it came from, who last changed it. */
  public record Row(long id, Licence licence, String source, String updatedBy) {}

  static final String FILE = "file";
  static final String ADMIN = "admin";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AtomicReference<LicenceRegistry> current = new AtomicReference<>();
  private final org.springframework.transaction.support.TransactionTemplate tx;

  public LicenceStore(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
    this.tx =
        new org.springframework.transaction.support.TransactionTemplate(
            new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
  }

  /** Replaces the file's rows with {@code file}'s (admins' rows stay) and reloads. */
  public synchronized void loadFile(LicenceRegistry file) {
    // One transaction: processes starting together (a manager and its workers) each replace the
    // file's rows whole, one after the other, instead of interleaving into duplicates. Two that
    // meet in an empty table can deadlock on its gap locks; the loser tries again.
    for (int attempt = 1; ; attempt++) {
      try {
        tx.executeWithoutResult(
            s -> {
              jdbc.sql("DELETE FROM licence WHERE source = ?").param(FILE).update();
              for (Licence l : file.licences()) {
                insert(l, FILE, "config/licences.csv");
              }
            });
        break;
      } catch (org.springframework.dao.PessimisticLockingFailureException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
    reload();
  }

  /** Every row, file rows first. */
  public List<Row> rows() {
    return jdbc.sql(
            "SELECT id, name, aliases, licence_type, licence_number, custody_banks, source,"
                + " updated_by FROM licence ORDER BY CASE WHEN source = 'file' THEN 0 ELSE 1 END, id")
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    new Licence(
                        rs.getString(2),
                        split(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        split(rs.getString(6)),
                        0),
                    rs.getString(7),
                    rs.getString(8)))
        .list();
  }

  /**
   * Adds an admin's row after checking it alone and together with the registry (a name twice, a
   * custody bank not on the list).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public synchronized Row add(Licence licence, String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("say who adds it (actor)");
    }
    Licence checked =
        LicenceRegistry.licence(
            licence.name(),
            licence.aliases(),
            licence.type(),
            licence.number(),
            licence.custodyBanks(),
            0);
    List<Licence> all = new ArrayList<>(current().licences());
    all.add(checked);
    LicenceRegistry.of("licence " + checked.name(), all);
    long id = insert(checked, ADMIN, actor.strip());
    reload();
    return new Row(id, checked, ADMIN, actor.strip());
  }

  /**
   * Removes an admin's row; false when there is none with this id.
   *
   * @throws IllegalStateException for a row of the file (edit the file instead)
   */
  public synchronized boolean remove(long id) {
    List<String> source =
        jdbc.sql("SELECT source FROM licence WHERE id = ?").param(id).query(String.class).list();
    if (source.isEmpty()) {
      return false;
    }
    if (source.get(0).equals(FILE)) {
      throw new IllegalStateException(
          "licence #" + id + " comes from config/licences.csv; change it there");
    }
    jdbc.sql("DELETE FROM licence WHERE id = ?").param(id).update();
    reload();
    return true;
  }

  /** The registry of the moment. */
  public LicenceRegistry current() {
    LicenceRegistry r = current.get();
    if (r == null) {
      reload();
      r = current.get();
    }
    return r;
  }

  private void reload() {
    current.set(LicenceRegistry.of("licence registry", rows().stream().map(Row::licence).toList()));
  }

  private long insert(Licence l, String source, String by) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO licence (name, aliases, licence_type, licence_number, custody_banks,"
                + " source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            l.name(),
            String.join("|", l.aliases()),
            l.type(),
            l.number(),
            String.join("|", l.custodyBanks()),
            source,
            Timestamp.from(clock.instant()),
            by)
        .update(key, "id");
    return key.getKey().longValue();
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank()
        ? List.of()
        : Arrays.stream(joined.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
