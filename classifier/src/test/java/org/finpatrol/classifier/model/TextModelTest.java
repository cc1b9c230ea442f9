package org.finpatrol.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.finpatrol.classifier.Classification;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.Labels;
import org.finpatrol.classifier.match.CompactText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextModelTest {

  /**
   * 躺着收钱 is a guarantee no rule pack lists: the model learns it from labelled examples, as it would
   * learn a paraphrase from reviewers' decisions.
   */
  private static List<Sample> samples() {
    List<Sample> s = new ArrayList<>();
    String[] products = {"稳盈宝", "鑫利通", "汇金计划", "福满仓", "聚财一号", "安心投"};
    for (String p : products) {
      s.add(new Sample(p + "躺着收钱，年年有余，欢迎加入", true, true));
      s.add(new Sample(p + "，躺着收钱不用愁，立即加入", true, true));
      s.add(new Sample(p + "理财，收益浮动，投资有风险，欢迎咨询", false, true));
      s.add(new Sample(p + "周末亲子活动，欢迎报名参加", false, false));
      s.add(new Sample("今天天气不错，" + p + "门口的花开了", false, false));
    }
    return s;
  }

  private static TextModel model;

  @BeforeAll
  static void train() {
    model = TextModel.train(samples(), TextModel.DEFAULT_THRESHOLD);
  }

  @Test
  void theShippedModelScoresExactlyAsOpenNlpDoes() throws IOException {
    TextModel shipped = TextModel.load(Path.of("../config/model"));
    assertThat(shipped.compiled()).isTrue();
    assertThat(model.compiled()).as("a model just trained").isTrue();
    // Any text will do: slices of the training file, JSON punctuation and all, and a text made of
    // characters the model never saw.
    String corpus = Files.readString(Path.of("../config/training/dev.jsonl"));
    List<String> texts = new ArrayList<>();
    for (int at = 0; at + 400 < corpus.length(); at += 397) {
      texts.add(corpus.substring(at, at + 400));
    }
    texts.add("龘靐齉");
    texts.add("");
    for (String text : texts) {
      CompactText compact = CompactText.of(text);
      assertThat(shipped.score(compact)).as(text).isEqualTo(shipped.scoreThroughOpenNlp(compact));
    }
    assertThat(texts).hasSizeGreaterThan(100);
  }

  @Test
  void featuresIgnoreSpacingScriptAndWidth() {
    assertThat(TextModel.features(CompactText.of("躺 着 收 錢")))
        .containsExactly(TextModel.features(CompactText.of("躺着收钱")));
  }

  @Test
  void learnsAPhraseNoRuleKnowsAndSavesAndLoadsUnchanged(@TempDir Path dir) throws IOException {
    ModelScores scores = model.score("新品上线：躺着收钱，立即加入");
    assertThat(scores.guaranteedReturn()).isGreaterThanOrEqualTo(model.threshold());
    assertThat(model.score("周末去公园看花").guaranteedReturn()).isLessThan(model.threshold());

    model.save(dir);
    assertThat(TextModel.exists(dir)).isTrue();
    TextModel loaded = TextModel.load(dir);
    assertThat(loaded.score("新品上线：躺着收钱，立即加入")).isEqualTo(scores);
    assertThat(loaded.threshold()).isEqualTo(TextModel.DEFAULT_THRESHOLD);
    assertThat(loaded.trainedOn()).isEqualTo(samples().size());
  }

  @Test
  void theClassifierReportsWhatTheModelAddedApartFromTheFindings() throws IOException {
    Classifier rules = Classifier.load(Path.of("../config/rules"));
    String text = "新品上线：躺着收钱，100元起投，立即加入！";
    Classification alone = rules.classify("a", text);
    assertThat(alone.guaranteedReturn()).isFalse();
    assertThat(alone.model()).isNull();

    Classification both = rules.withModel(model).classify("a", text);
    assertThat(both.guaranteedReturn()).isTrue();
    assertThat(both.model().added()).containsExactly("guaranteed_return");
    assertThat(both.findings()).noneMatch(f -> Labels.GUARANTEED_RETURN.equals(f.category()));
    assertThat(both.categories()).contains(Labels.GUARANTEED_RETURN);

    String news = "记者调查：某平台宣称“躺着收钱”，警方提醒市民谨防非法集资。";
    Classification messenger = rules.withModel(model).classify("n", news);
    assertThat(messenger.guaranteedReturn()).isFalse();
    assertThat(messenger.financialSolicitation()).isFalse();
  }

  @Test
  void trainingNeedsBothClassesAndADamagedFileIsNamed(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> TextModel.train(List.of(new Sample("保本保息", true, true)), 0.8))
        .hasMessageContaining("both positive and negative");
    // A sample that does not know a label teaches only the other one.
    List<Sample> partial = new ArrayList<>(samples());
    partial.add(new Sample("银行理财，收益浮动", Boolean.FALSE, null));
    assertThat(TextModel.train(partial, 0.8).trainedOn()).isEqualTo(samples().size() + 1);
    assertThatThrownBy(
            () ->
                TextModel.train(
                    List.of(new Sample("保本保息", null, true), new Sample("天气", null, false)), 0.8))
        .hasMessageContaining("cannot train guaranteed_return");
    model.save(dir);
    Files.writeString(dir.resolve(TextModel.GUARANTEED_RETURN_FILE), "not a model");
    assertThatThrownBy(() -> TextModel.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TextModel.GUARANTEED_RETURN_FILE)
        .hasMessageContaining("not a readable model");
  }
}
