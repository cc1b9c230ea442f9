package org.finpatrol.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.finpatrol.classifier.Classification;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.Finding;
import org.finpatrol.crawler.extract.HtmlExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code finpatrol classify}: classifies texts or HTML documents. Each file (or stdin) is one
 * document; with {@code --jsonl} each input line is {@code {"id":..,"text":..}} or {@code
 * {"id":..,"html":..}}, and {@code "kind": "ad"} (with {@code "labelled"}: whether it showed a 广告
 * label) adds the ad-only checks. A malformed line is reported on stderr and skipped; the exit code
 * is then 2 although every good line was classified.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = "Classifies text or HTML from files or stdin; prints one JSON object a line.")
final class ClassifyCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(
      names = "--jsonl",
      description = "Each input line is {\"id\":..,\"text\":..} or {\"id\":..,\"html\":..}.")
  boolean jsonl;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to read (default: stdin).")
  List<Path> files = new ArrayList<>();

  InputStream stdin = System.in;

  private final HtmlExtractor html = new HtmlExtractor();

  @Override
  public Integer call() throws IOException {
    List<Texts.Input> inputs = Texts.read(files, stdin);
    Classifier classifier = root.classifier();
    int bad = 0;
    for (Texts.Input input : inputs) {
      if (!jsonl) {
        String text = looksLikeHtml(input.text()) ? textOf(input.text()) : input.text();
        print(classifier.classify(input.name(), text));
        continue;
      }
      int lineNo = 0;
      for (String line : (Iterable<String>) input.text().lines()::iterator) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          print(classifyLine(classifier, line));
        } catch (UsageException e) {
          bad++;
          root.console()
              .err()
              .println(
                  "finpatrol classify: "
                      + input.name()
                      + ":"
                      + lineNo
                      + ": "
                      + e.getMessage()
                      + " (line skipped)");
        }
      }
    }
    return bad == 0 ? 0 : 2;
  }

  private Classification classifyLine(Classifier classifier, String line) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(line);
    } catch (JacksonException e) {
      throw new UsageException("not a JSON object: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new UsageException("not a JSON object");
    }
    JsonNode id = node.get("id");
    if (id == null || id.isNull() || id.isContainer()) {
      throw new UsageException("missing \"id\"");
    }
    JsonNode text = node.get("text");
    JsonNode htmlNode = node.get("html");
    String content;
    if (text != null && text.isString()) {
      content = text.asString();
    } else if (htmlNode != null && htmlNode.isString()) {
      content = textOf(htmlNode.asString());
    } else {
      throw new UsageException("needs a string \"text\" or \"html\"");
    }
    JsonNode kind = node.get("kind");
    if (kind != null && kind.isString() && kind.asString().equals("ad")) {
      // An ad's 广告 label is outside its creative text; without "labelled" it is not judged.
      JsonNode labelled = node.get("labelled");
      if (labelled != null && !labelled.isBoolean()) {
        throw new UsageException("\"labelled\" must be true or false");
      }
      return classifier.classifyAd(
          id.asString(), content, labelled == null || labelled.asBoolean());
    }
    return classifier.classify(id.asString(), content);
  }

  private String textOf(String htmlSource) {
    var extraction =
        html.extract(
            htmlSource.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "text/html; charset=utf-8",
            "http://localhost/");
    return extraction.title().isEmpty()
        ? extraction.text()
        : extraction.title() + "\n" + extraction.text();
  }

  private static double round(double p) {
    return Math.round(p * 1000) / 1000.0;
  }

  static boolean looksLikeHtml(String text) {
    String head = text.stripLeading().toLowerCase(Locale.ROOT);
    head = head.substring(0, Math.min(head.length(), 1024));
    return head.startsWith("<!doctype html")
        || head.startsWith("<html")
        || head.contains("<body")
        || head.contains("<head");
  }

  private void print(Classification c) {
    Map<String, Object> o = Json.object();
    o.put("id", c.id());
    o.put("guaranteed_return", c.guaranteedReturn());
    o.put("financial_solicitation", c.financialSolicitation());
    o.put("signals", c.signals());
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : c.findings()) {
      Map<String, Object> m = Json.object();
      m.put("rule", f.rule());
      m.put("category", f.category());
      m.put("signal", f.signal());
      m.put("start", f.start());
      m.put("end", f.end());
      m.put("text", f.text());
      m.put("basis", f.basis());
      findings.add(m);
    }
    o.put("findings", findings);
    // The statistical model's verdict beside the rule findings; null without a model.
    if (c.model() == null) {
      o.put("model", null);
    } else {
      Map<String, Object> m = Json.object();
      m.put("guaranteed_return", round(c.model().guaranteedReturn()));
      m.put("financial_solicitation", round(c.model().financialSolicitation()));
      m.put("added", c.model().added());
      o.put("model", m);
    }
    root.console().out().println(Json.line(o));
  }
}
