package org.finpatrol.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading the CLI's input files and stdin as UTF-8, with errors that name the input. */
final class Texts {

  /** One input: where it came from and its text. */
  record Input(String name, String text) {}

  private Texts() {}

  /** The named files, or stdin (named "-") when none are given. */
  static List<Input> read(List<Path> files, InputStream stdin) {
    List<Input> inputs = new ArrayList<>();
    if (files == null || files.isEmpty()) {
      inputs.add(new Input("-", decode("standard input", readAll(stdin))));
      return inputs;
    }
    for (Path file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new UsageException("cannot read '" + file + "': no such file");
      } catch (AccessDeniedException e) {
        throw new UsageException("cannot read '" + file + "': permission denied");
      } catch (IOException e) {
        throw new UsageException("cannot read '" + file + "': " + e.getMessage());
      }
      inputs.add(new Input(file.toString(), decode("'" + file + "'", bytes)));
    }
    return inputs;
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UsageException("cannot read standard input: " + e.getMessage());
    }
  }

  private static String decode(String name, byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UsageException(name + " is not UTF-8 text");
    }
  }
}
