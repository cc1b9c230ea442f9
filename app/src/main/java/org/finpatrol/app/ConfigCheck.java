package org.finpatrol.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.finpatrol.app.patrol.RiskSettings;
import org.finpatrol.app.patrol.SeedLists;
import org.finpatrol.app.retention.Retention;
import org.finpatrol.app.schedule.Schedules;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.licence.LicenceRegistry;
import org.finpatrol.review.Counties;
import org.finpatrol.review.Routing;

/**
 * Checks every configuration file before a command starts any work, so an operator sees all that is
 * wrong at once rather than one file per attempt: rule packs, the licence registry, risk, units and
 * counties, schedules, retention, seed lists. Each problem names its file (and line or key where
 * the file's reader knows it).
 */
public final class ConfigCheck {

  /**
   * The configuration has problems; {@link #problems()} lists them, one per line of the message.
   */
  public static final class InvalidConfigurationException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private interface Check {
    void run() throws IOException;
  }

  private ConfigCheck() {}

  /** Every problem found, none when the configuration is sound. */
  public static List<String> problems(AppPaths paths) {
    List<String> problems = new ArrayList<>();
    LicenceRegistry[] registry = {LicenceRegistry.EMPTY};
    check(problems, () -> registry[0] = LicenceRegistry.load(paths.licences()));
    check(problems, () -> Classifier.load(paths.rules(), registry[0]));
    check(problems, () -> RiskSettings.load(paths.risk()));
    check(problems, () -> Routing.load(paths.units()));
    check(problems, () -> Counties.load(paths.units()));
    check(problems, () -> Schedules.load(paths.schedules(), paths.seeds()));
    check(problems, () -> Retention.load(paths.retention()));
    problems.addAll(SeedLists.problems(paths.seeds()));
    // units.yml is read twice (routing, counties): a syntax error there is one problem.
    YamlProblemLines lines = new YamlProblemLines();
    return problems.stream().distinct().map(lines::locate).toList();
  }

  /**
   * @throws InvalidConfigurationException listing every problem
   */
  public static void require(AppPaths paths) {
    List<String> problems = problems(paths);
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
  }

  private static void check(List<String> problems, Check check) {
    try {
      check.run();
    } catch (Schedules.InvalidSchedulesException e) {
      problems.addAll(e.problems());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Readers that find several problems give one per line.
      e.getMessage().lines().filter(l -> !l.isBlank()).forEach(problems::add);
    } catch (IOException | UncheckedIOException e) {
      problems.add("cannot read the configuration: " + e.getMessage());
    }
  }
}
