package io.migtest.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Renders {@code report.json}, the stable model (PRODUCT.md section 7). */
public final class JsonReport implements ReportRenderer {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Override
  public String fileName() {
    return "report.json";
  }

  @Override
  public String render(RunReport report) {
    try {
      return MAPPER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report model always serialises", e);
    }
  }

  /** The mapper, for readers of {@code report.json} such as tests and report merging. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
