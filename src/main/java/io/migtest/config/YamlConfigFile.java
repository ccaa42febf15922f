package io.migtest.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.migtest.MigtestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code migtest.yml} into settings keyed by dotted path ({@code database.url}), keeping the
 * line of every value. Unknown keys and values that are not scalars are errors naming the line.
 */
public final class YamlConfigFile {
  private YamlConfigFile() {}

  public static Map<String, Setting> read(Path file) {
    String name = file.getFileName().toString();
    Map<String, Setting> settings = new LinkedHashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(Files.readAllBytes(file))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return settings;
      }
      if (first != JsonToken.START_OBJECT) {
        throw invalid(name, parser, "the file must be a mapping of keys to values");
      }
      Deque<String> path = new ArrayDeque<>();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case FIELD_NAME -> {
            String key = qualified(path, parser.currentName());
            boolean known =
                ConfigKeys.FILE_KEYS.contains(key)
                    || ConfigKeys.FILE_KEYS.stream().anyMatch(k -> k.startsWith(key + "."));
            if (!known) {
              throw invalid(
                  name,
                  parser,
                  "unknown key '"
                      + key
                      + "'. Known keys: "
                      + String.join(", ", ConfigKeys.FILE_KEYS));
            }
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
              path.addLast(parser.currentName());
            } else if (value.isScalarValue()) {
              if (!ConfigKeys.FILE_KEYS.contains(key)) {
                throw invalid(name, parser, "'" + key + "' is a section: give it nested keys");
              }
              settings.put(key, new Setting(scalar(value, parser), name + " line " + line(parser)));
            } else {
              throw invalid(name, parser, "'" + key + "' must be a single value, not a list");
            }
          }
          case END_OBJECT -> path.pollLast();
          default -> throw invalid(name, parser, "unexpected " + token);
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw MigtestException.usage(
          name
              + " line "
              + line
              + ": not valid YAML: "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw MigtestException.usage("Cannot read " + file + ": " + e.getMessage());
    }
    return settings;
  }

  /** YAML 1.1 reads {@code off} as false; a gate mode of {@code off} must stay "off". */
  private static String scalar(JsonToken token, JsonParser parser) throws IOException {
    return switch (token) {
      case VALUE_FALSE -> parser.getText().equalsIgnoreCase("false") ? "false" : parser.getText();
      case VALUE_NULL -> "";
      default -> parser.getText();
    };
  }

  private static String qualified(Deque<String> path, String name) {
    return path.isEmpty() ? name : String.join(".", path) + "." + name;
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  private static MigtestException invalid(String file, JsonParser parser, String message) {
    return MigtestException.usage(file + " line " + line(parser) + ": " + message + ".");
  }
}
