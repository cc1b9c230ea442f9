package org.finpatrol.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adds the line to a YAML file's problem. The readers of the rule packs, risk, retention and units
 * read plain maps and name the key of a problem ("risk.yml: bands.red must be …", "local.yml: rule
 * LOCAL-2: 'basis' …"); an operator editing the file wants the line too. This finds the key in the
 * file's node tree and rewrites the problem as "risk.yml:6: bands.red must be …". A problem whose
 * key cannot be found, or that has a line already, is left as it is.
 */
final class YamlProblemLines {

  /** "FILE.yml: REST", where FILE is not followed by a line number. */
  private static final Pattern PROBLEM =
      Pattern.compile("^([^:\\n]+?\\.ya?ml): (.+)$", Pattern.DOTALL);

  private static final Pattern RULE_BY_NUMBER = Pattern.compile("^rule #(\\d+)(?::? '(\\w+)')?");
  private static final Pattern RULE_ID_TWICE = Pattern.compile("^rule id '([^']+)' is used twice");
  private static final Pattern RULE_BY_ID = Pattern.compile("^rule (\\S+?)(?::? '(\\w+)'|:|$)");
  private static final Pattern UNKNOWN_KEY = Pattern.compile("^unknown key '([^']+)'");
  private static final Pattern QUOTED_KEY = Pattern.compile("^'([\\w.]+)'");
  private static final Pattern KEY_PATH = Pattern.compile("^([A-Za-z_][\\w.]*)");

  private final Map<Path, Optional<Node>> trees = new HashMap<>();

  /** The problem with its line added where its key can be found. */
  String locate(String problem) {
    Matcher m = PROBLEM.matcher(problem);
    if (!m.matches()) {
      return problem;
    }
    String file = m.group(1);
    String rest = m.group(2);
    Optional<Node> root = tree(Path.of(file));
    if (root.isEmpty()) {
      return problem;
    }
    Node node = find(root.get(), rest);
    return node == null ? problem : file + ":" + (node.getStartMark().getLine() + 1) + ": " + rest;
  }

  private static Node find(Node root, String rest) {
    Matcher m;
    if ((m = RULE_BY_NUMBER.matcher(rest)).find()) {
      Node rule = ruleAt(root, Integer.parseInt(m.group(1)) - 1);
      return deeper(rule, m.group(2));
    }
    if ((m = RULE_ID_TWICE.matcher(rest)).find()) {
      String id = m.group(1);
      List<Node> same = rules(root).stream().filter(r -> hasId(r, id)).toList();
      return same.isEmpty() ? null : same.get(same.size() - 1);
    }
    if ((m = RULE_BY_ID.matcher(rest)).find()) {
      return deeper(ruleWithId(root, m.group(1)), m.group(2));
    }
    if ((m = UNKNOWN_KEY.matcher(rest)).find() || (m = QUOTED_KEY.matcher(rest)).find()) {
      return path(root, m.group(1));
    }
    if ((m = KEY_PATH.matcher(rest)).find()) {
      return path(root, m.group(1));
    }
    return null;
  }

  /** The node of the dotted key path, or of its longest prefix that exists; null if none does. */
  private static Node path(Node root, String dotted) {
    Node found = null;
    Node at = root;
    for (String key : dotted.split("\\.")) {
      NodeTuple t = entry(at, key);
      if (t == null) {
        break;
      }
      found = t.getKeyNode();
      at = t.getValueNode();
    }
    return found;
  }

  private static Node deeper(Node rule, String key) {
    if (rule == null || key == null) {
      return rule;
    }
    NodeTuple t = entry(rule, key);
    return t == null ? rule : t.getKeyNode();
  }

  private static Node ruleAt(Node root, int index) {
    List<Node> rules = rules(root);
    return index >= 0 && index < rules.size() ? rules.get(index) : null;
  }

  private static Node ruleWithId(Node root, String id) {
    return rules(root).stream().filter(r -> hasId(r, id)).findFirst().orElse(null);
  }

  private static boolean hasId(Node rule, String id) {
    NodeTuple t = entry(rule, "id");
    return t != null && t.getValueNode() instanceof ScalarNode s && s.getValue().equals(id);
  }

  private static List<Node> rules(Node root) {
    NodeTuple t = entry(root, "rules");
    return t != null && t.getValueNode() instanceof SequenceNode seq
        ? seq.getValue()
        : new ArrayList<>();
  }

  private static NodeTuple entry(Node node, String key) {
    if (!(node instanceof MappingNode map)) {
      return null;
    }
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t;
      }
    }
    return null;
  }

  private Optional<Node> tree(Path file) {
    return trees.computeIfAbsent(file, YamlProblemLines::compose);
  }

  private static Optional<Node> compose(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return Optional.ofNullable(
          new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader));
    } catch (IOException | YAMLException e) {
      // The reader has reported what is wrong with the file; its problems stay without a line.
      return Optional.empty();
    }
  }
}
