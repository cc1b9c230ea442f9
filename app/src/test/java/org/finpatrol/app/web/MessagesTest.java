package org.finpatrol.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.finpatrol.review.CaseStatus;
import org.junit.jupiter.api.Test;

/** Both languages have every text, and every text a template names exists. */
class MessagesTest {

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(load("messages_en.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  @Test
  void everyKeyATemplateNamesAndEveryStatusHasAText() throws IOException {
    Properties zh = load("messages.properties");
    Set<String> named = new TreeSet<>();
    Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z.]*)[(}]");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates"))) {
      for (Path f : files.toList()) {
        Matcher m = key.matcher(Files.readString(f));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }
    assertThat(named).isNotEmpty();
    assertThat(zh.stringPropertyNames()).containsAll(named);
    for (CaseStatus s : CaseStatus.values()) {
      assertThat(zh.stringPropertyNames()).contains("status." + s);
      s.next().forEach(to -> assertThat(zh.stringPropertyNames()).contains("move." + to));
    }
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
