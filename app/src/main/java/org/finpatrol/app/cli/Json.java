package org.finpatrol.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON lines for the CLI: one compact object a line, keys in the order they were put. */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static String line(Map<String, ?> object) {
    return MAPPER.writeValueAsString(object);
  }

  public static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
