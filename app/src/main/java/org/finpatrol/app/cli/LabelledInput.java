package org.finpatrol.app.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.finpatrol.classifier.Evaluation;

/** Labelled JSONL read for {@code evaluate} and {@code train}: bad lines named on stderr. */
final class LabelledInput {

  final List<Evaluation.Example> examples = new ArrayList<>();
  int badLines;

  static LabelledInput read(String command, List<Path> files, InputStream stdin, PrintStream err) {
    LabelledInput input = new LabelledInput();
    for (Texts.Input file : Texts.read(files, stdin)) {
      input.examples.addAll(
          Evaluation.read(
              file.text(),
              (line, reason) -> {
                input.badLines++;
                err.println(
                    "finpatrol "
                        + command
                        + ": "
                        + file.name()
                        + ":"
                        + line
                        + ": "
                        + reason
                        + " (line skipped)");
              }));
    }
    if (input.examples.isEmpty()) {
      throw new UsageException("no labelled examples");
    }
    return input;
  }
}
