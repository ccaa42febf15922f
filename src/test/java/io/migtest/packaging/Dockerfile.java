package io.migtest.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read the way the classic builder reads it: comment lines dropped (also inside a
 * continued instruction), lines ending in a backslash joined, each instruction with its stage.
 */
record Dockerfile(List<String> lines, List<Instruction> instructions) {

  /** One instruction: its keyword upper-cased, its arguments, its stage (0 for the first FROM). */
  record Instruction(String keyword, String arguments, int stage, int line) {
    boolean is(String word) {
      return keyword.equals(word);
    }
  }

  static Dockerfile read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = null;
    int start = 0;
    int stage = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current == null)) {
        continue;
      }
      if (current == null) {
        current = new StringBuilder();
        start = i + 1;
      }
      boolean continues = trimmed.endsWith("\\");
      current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
      if (!continues) {
        String text = current.toString().strip();
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String arguments = space < 0 ? "" : text.substring(space + 1).strip();
        if (keyword.equals("FROM")) {
          stage++;
        }
        instructions.add(new Instruction(keyword, arguments, stage, start));
        current = null;
      }
    }
    return new Dockerfile(lines, List.copyOf(instructions));
  }

  List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.is(keyword)).toList();
  }

  int lastStage() {
    return all("FROM").size() - 1;
  }

  List<Instruction> inStage(int stage, String keyword) {
    return all(keyword).stream().filter(i -> i.stage() == stage).toList();
  }

  /** The arguments of the RUN instructions of a stage, joined: what that stage runs. */
  String runs(int stage) {
    return String.join("\n", inStage(stage, "RUN").stream().map(Instruction::arguments).toList());
  }
}
