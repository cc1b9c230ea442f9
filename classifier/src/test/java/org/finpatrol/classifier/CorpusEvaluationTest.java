package org.finpatrol.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The shipped rule packs scored on the labelled development corpus (a copy of
 * shared/corpus/dev.jsonl). The rules were tuned on this same corpus, so these numbers flatter them
 * (there is no held-out set yet); the floors guard against regressions, they are not claims of
 * accuracy on unseen text.
 */
class CorpusEvaluationTest {

  private static Evaluation.Report report;

  @BeforeAll
  static void evaluate() throws IOException {
    Classifier classifier = Classifier.load(Path.of("../config/rules"));
    report = Evaluation.run(classifier, corpus());
    report
        .scores()
        .values()
        .forEach(
            s ->
                System.out.printf(
                    "%-24s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)%n",
                    s.label(),
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.truePositives(),
                    s.falsePositives(),
                    s.falseNegatives()));
    System.out.printf("messenger false-positive rate %.3f%n", report.messengerFalsePositiveRate());
    report.mistakes().forEach(System.out::println);
  }

  static List<Evaluation.Example> corpus() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Evaluation.Example> examples = new ArrayList<>();
    try (InputStream in = CorpusEvaluationTest.class.getResourceAsStream("/corpus/dev.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        Set<String> signals = new HashSet<>();
        node.get("signals").forEach(s -> signals.add(s.asString()));
        examples.add(
            new Evaluation.Example(
                node.get("id").asString(),
                node.get("kind").asString(),
                node.get("text").asString(),
                node.get("guaranteed_return").asBoolean(),
                node.get("financial_solicitation").asBoolean(),
                signals));
      }
    }
    assertThat(examples).hasSize(300);
    return examples;
  }

  @Test
  void guaranteedReturnIsPreciseAndCatchesMostClaims() {
    Evaluation.Score gr = report.scores().get("guaranteed_return");
    assertThat(gr.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(gr.recall()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void newsAndNoticesAreNeverFlagged() {
    assertThat(report.messengerFalsePositiveRate()).isZero();
  }

  @Test
  void solicitationIsDetected() {
    Evaluation.Score fs = report.scores().get("financial_solicitation");
    assertThat(fs.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(fs.recall()).isGreaterThanOrEqualTo(0.88);
  }

  @Test
  void highYieldIsParsedFromNumbers() {
    Evaluation.Score hy = report.scores().get("HIGH_YIELD");
    assertThat(hy.precision()).isGreaterThanOrEqualTo(0.90);
    assertThat(hy.recall()).isGreaterThanOrEqualTo(0.80);
  }
}
