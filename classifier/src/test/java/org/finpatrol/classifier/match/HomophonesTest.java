package org.finpatrol.classifier.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HomophonesTest {

  @Test
  void soundAlikesFoldTogetherAndOthersStayApart() {
    assertThat(Homophones.fold("宝本宝息")).isEqualTo(Homophones.fold("保本保息"));
    assertThat(Homophones.fold("稳攒不赔")).isNotEqualTo(Homophones.fold("稳赚不赔"));
    assertThat(Homophones.fold("稳赚不陪")).isEqualTo(Homophones.fold("稳赚不赔"));
    assertThat(Homophones.fold("保本")).isNotEqualTo(Homophones.fold("保险"));
  }

  @Test
  void keepsLengthAndEverythingButHanCharacters() {
    String text = "年化15%，bbbx！\u0001零风险";
    String folded = Homophones.fold(text);
    assertThat(folded).hasSameSizeAs(text);
    assertThat(folded).contains("15%，bbbx！\u0001");
  }
}
