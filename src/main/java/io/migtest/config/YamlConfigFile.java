package io.migtest.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.migtest.MigtestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads {@code migtest.yml} into settings keyed by dotted path ({@code database.url}), keeping the
 * line of every value. The file comes from the pull request, so it is hostile input: files over 1
 * MiB, aliases, duplicate keys, several documents, unknown keys and values that are not scalars are
 * errors naming the line.
 */
public final class YamlConfigFile {
  /** The largest config file migtest reads; a real one is a few hundred bytes. */
  static final int MAX_BYTES = 1 << 20;

  private static final YAMLFactory YAML =
      YAMLFactory.builder().loaderOptions(loaderOptions()).build();

  /** YAML line breaks, as SnakeYAML counts lines (YAML 1.1 adds NEL, LS and PS). */
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");

  private static final Pattern PROBLEM_MARK =
      Pattern.compile("^ in '[^']*', line (\\d+),", Pattern.MULTILINE);

  private static final Pattern DOCUMENT_MARKER = Pattern.compile("---(?:[ \t].*)?");

  private final String name;
  private final YAMLParser parser;
  private final Map<String, Setting> settings = new LinkedHashMap<>();
  private final Map<String, Integer> keyLines = new HashMap<>();
  private final Deque<String> path = new ArrayDeque<>();

  private YamlConfigFile(String name, YAMLParser parser) {
    this.name = name;
    this.parser = parser;
  }

  public static Map<String, Setting> read(Path file) {
    String name = file.getFileName().toString();
    try {
      byte[] bytes = readAtMostLimit(file, name);
      requireUtf8(bytes, name);
      try (YAMLParser parser = YAML.createParser(bytes)) {
        return new YamlConfigFile(name, parser).read(bytes);
      }
    } catch (JsonProcessingException e) {
      throw MigtestException.usage(name + " line " + line(e) + ": not valid YAML: " + cause(e));
    } catch (IOException e) {
      throw MigtestException.usage("Cannot read " + file + ": " + e.getMessage());
    }
  }

  private static void requireUtf8(byte[] bytes, String name) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw MigtestException.usage(name + " is not valid UTF-8: save it as UTF-8.");
    }
  }

  /**
   * What SnakeYAML says went wrong, without the location it adds (the message names the line) and
   * the excerpt of the file after it: "while scanning for the next token; found character '\t' that
   * cannot start any token".
   */
  private static String cause(JsonProcessingException e) {
    return e.getOriginalMessage()
        .lines()
        .takeWhile(line -> !line.startsWith(" in '"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("; "));
  }

  /**
   * Checks the size before reading and never reads more than the limit and one byte, so neither a
   * large file nor one that grows (or a device that never ends) costs more than the limit.
   */
  private static byte[] readAtMostLimit(Path file, String name) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw tooLarge(name, size + " bytes");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw tooLarge(name, "over " + MAX_BYTES + " bytes");
      }
      return bytes;
    }
  }

  /**
   * SnakeYAML's alias and nesting limits apply only to its composer, which Jackson's streaming
   * parser does not use: aliases are refused by {@link #value}, and nesting deeper than a section
   * is an unknown key. The code point limit does apply, and is kept in step with ours.
   */
  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    return options;
  }

  private Map<String, Setting> read(byte[] bytes) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return settings;
    }
    if (first != JsonToken.START_OBJECT) {
      throw invalid(line(), "the file must be a mapping of keys to values");
    }
    JsonToken token;
    while ((token = nextKey()) != JsonToken.END_OBJECT || !path.isEmpty()) {
      if (token == JsonToken.END_OBJECT) {
        path.removeLast();
      } else {
        value(qualified(parser.currentName()));
      }
    }
    int end = line();
    if (parser.nextToken() != null) {
      throw invalid(
          secondDocumentLine(new String(bytes, StandardCharsets.UTF_8), end, line()),
          "a second YAML document starts here; " + name + " must hold one document");
    }
    return settings;
  }

  /**
   * In a mapping Jackson's only error of its own (SnakeYAML reports syntax) is a key that is not a
   * scalar; its message names SnakeYAML's internal events, so say it in our words.
   */
  private JsonToken nextKey() throws IOException {
    try {
      return parser.nextToken();
    } catch (JacksonYAMLParseException e) {
      throw e;
    } catch (JsonParseException e) {
      throw invalid(line(e), "a key must be a plain name, not a list, a mapping or an alias");
    }
  }

  private void value(String key) throws IOException {
    int keyLine = line();
    if (!ConfigKeys.isKnown(key)) {
      throw invalid(
          keyLine,
          "unknown key '"
              + key
              + "'. Known keys: "
              + String.join(", ", ConfigKeys.FILE_KEYS)
              + ", "
              + ConfigKeys.FLYWAY
              + ".<Flyway setting>, "
              + ConfigKeys.LINT_RULES
              + ".<rule id>");
    }
    Integer earlier = keyLines.putIfAbsent(key, keyLine);
    if (earlier != null) {
      throw invalid(keyLine, "'" + key + "' is set twice (also on line " + earlier + "); keep one");
    }
    JsonToken value = parser.nextToken();
    if (parser.isCurrentAlias()) {
      // Jackson would hand us the anchor's name as the value: `apply: *off` would read as "off".
      throw invalid(
          line(),
          "YAML aliases (*" + parser.getText() + ") are not allowed; write the value itself");
    }
    boolean section = !ConfigKeys.FILE_KEYS.contains(key) && !ConfigKeys.isNamedEntry(key);
    if (value == JsonToken.START_OBJECT) {
      path.addLast(parser.currentName());
    } else if (section) {
      throw invalid(
          line(),
          "'"
              + key
              + "' is a section: give it nested keys ("
              + ConfigKeys.keysUnder(key)
              + "), each on a line of its own, indented under it");
    } else if (value.isScalarValue()) {
      settings.put(key, new Setting(scalar(value), name + " line " + line()));
    } else if (value == JsonToken.START_ARRAY && ConfigKeys.LIST_KEYS.contains(key)) {
      settings.put(key, new Setting(list(key), name + " line " + keyLine));
    } else {
      throw invalid(line(), "'" + key + "' must be a single value, not a list");
    }
  }

  /** The items of a list of plain values, one per line of the setting's value. */
  private String list(String key) throws IOException {
    List<String> items = new ArrayList<>();
    JsonToken item;
    while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (parser.isCurrentAlias() || !item.isScalarValue()) {
        throw invalid(line(), "'" + key + "' lists plain values (file names), one per item");
      }
      items.add(scalar(item));
    }
    return String.join("\n", items);
  }

  /** YAML 1.1 reads {@code off} as false; a gate mode of {@code off} must stay "off". */
  private String scalar(JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_FALSE -> parser.getText().equalsIgnoreCase("false") ? "false" : parser.getText();
      case VALUE_NULL -> "";
      default -> parser.getText();
    };
  }

  /**
   * Jackson skips document markers, so find the {@code ---} between the end of the first document
   * and the first token of the second; without one, that token's line.
   */
  private static int secondDocumentLine(String text, int firstEnd, int secondToken) {
    String[] lines = LINE_BREAK.split(text, -1);
    for (int i = firstEnd - 1; i < Math.min(secondToken, lines.length); i++) {
      if (DOCUMENT_MARKER.matcher(lines[i]).matches()) {
        return i + 1;
      }
    }
    return secondToken;
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : String.join(".", path) + "." + key;
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  /**
   * The line of the problem: SnakeYAML's message marks the context first and the problem last (" in
   * 'reader', line 2, column 1:"), where Jackson's location is the context's.
   */
  private static int line(JsonProcessingException e) {
    Matcher mark = PROBLEM_MARK.matcher(e.getOriginalMessage());
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    while (mark.find()) {
      line = Integer.parseInt(mark.group(1));
    }
    return line;
  }

  private MigtestException invalid(int line, String message) {
    return MigtestException.usage(name + " line " + line + ": " + message + ".");
  }

  private static MigtestException tooLarge(String name, String size) {
    return MigtestException.usage(
        name + " is " + size + "; migtest reads config files up to 1 MiB.");
  }
}
