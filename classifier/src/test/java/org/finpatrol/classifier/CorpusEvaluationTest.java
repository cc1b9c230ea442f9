package org.finpatrol.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.finpatrol.classifier.model.TextModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped rule packs scored on the labelled development corpus (config/training/dev.jsonl, a
 * copy of shared/corpus/dev.jsonl), alone and with the statistical model under 10-fold
 * cross-validation. The signal rule packs were written looking only at the odd-numbered examples;
 * the even-numbered half is held out and scored on its own, so its numbers are the honest ones. The
 * guaranteed-return and solicitation rules saw the whole corpus, so their floors guard against
 * regressions rather than claim accuracy on unseen text.
 */
class CorpusEvaluationTest {

  private static Evaluation.Report report;
  private static Evaluation.Report heldOut;
  private static Evaluation.Report withModel;

  @BeforeAll
  static void evaluate() throws IOException {
    Classifier classifier = Classifier.load(Path.of("../config/rules"));
    List<Evaluation.Example> corpus = corpus();
    report = Evaluation.run(classifier, corpus);
    heldOut = Evaluation.run(classifier, corpus.stream().filter(evenNumbered()).toList());
    print("all 300 examples", report);
    print("held-out half (even ids)", heldOut);
    withModel = Evaluation.crossValidate(classifier, corpus, 10, TextModel.DEFAULT_THRESHOLD);
    print("rules + model, 10-fold cross-validation", withModel);
    report.mistakes().forEach(System.out::println);
  }

  private static Predicate<Evaluation.Example> evenNumbered() {
    return ex -> Integer.parseInt(ex.id().substring(ex.id().lastIndexOf('-') + 1)) % 2 == 0;
  }

  private static void print(String title, Evaluation.Report r) {
    System.out.println("== " + title);
    List<Evaluation.Score> rows = new ArrayList<>(r.scores().values());
    rows.add(r.signalsMicro());
    rows.forEach(
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
    System.out.printf("messenger false-positive rate %.3f%n", r.messengerFalsePositiveRate());
  }

  static List<Evaluation.Example> corpus() throws IOException {
    String lines = Files.readString(Path.of("../config/training/dev.jsonl"));
    List<String> bad = new ArrayList<>();
    List<Evaluation.Example> examples =
        Evaluation.read(lines, (line, reason) -> bad.add(line + ": " + reason));
    assertThat(bad).isEmpty();
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

  @Test
  void signalsAreFoundOnTheWholeCorpus() {
    assertThat(report.signalsMicro().f1()).isGreaterThanOrEqualTo(0.88);
    assertThat(report.signalsMicro().precision()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void heldOutHalfMeetsTheTargets() {
    assertThat(heldOut.scores().get("guaranteed_return").f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(heldOut.scores().get("financial_solicitation").f1()).isGreaterThanOrEqualTo(0.92);
    assertThat(heldOut.signalsMicro().f1()).isGreaterThanOrEqualTo(0.80);
    assertThat(heldOut.messengerFalsePositiveRate()).isLessThanOrEqualTo(0.03);
  }

  @Test
  void theModelAddsRecallWithoutFlaggingMessengersUnderCrossValidation() {
    for (String label : List.of("guaranteed_return", "financial_solicitation")) {
      Evaluation.Score rules = report.scores().get(label);
      Evaluation.Score both = withModel.scores().get(label);
      assertThat(both.recall()).as(label).isGreaterThanOrEqualTo(rules.recall());
      assertThat(both.f1()).as(label).isGreaterThanOrEqualTo(rules.f1() - 0.01);
    }
    assertThat(withModel.scores().get("guaranteed_return").f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(withModel.scores().get("financial_solicitation").f1()).isGreaterThanOrEqualTo(0.92);
    assertThat(withModel.signalsMicro().f1()).isGreaterThanOrEqualTo(0.80);
    assertThat(withModel.messengerFalsePositiveRate()).isLessThanOrEqualTo(0.03);
  }
}
