package dev.dovetail.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the OpenAPI document for request validation. Vert.x OpenAPI 5.0 refuses contracts whose <em>responses</em>
 * use media types it cannot validate (such as {@code application/problem+json} or {@code application/yaml}), although
 * it never validates responses here. So the validator gets a copy without response bodies, while clients get the
 * document as written. Security is stripped from that copy as well (see {@link #forValidation}). YAML is read with a safe constructor that keeps dates and times as strings.
 */
public final class ContractLoader {

  private ContractLoader() {}

  /** The contract for the validator, built from a copy of {@code document} without response bodies or security. */
  public static Future<OpenAPIContract> load(Vertx vertx, JsonObject document) {
    return OpenAPIContract.from(vertx, forValidation(document)).map(ReusedValidators::new);
  }

  @SuppressWarnings("unchecked")
  public static JsonObject parse(Buffer yaml) {
    LoaderOptions options = new LoaderOptions();
    SafeConstructor constructor = new SafeConstructor(options) {
      {
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
      }
    };
    Object loaded = new Yaml(constructor).load(yaml.toString());
    return new JsonObject((Map<String, Object>) loaded).copy();
  }

  /**
   * Security requirements are removed too: with them the router builder mounts an (empty, always failing)
   * authentication chain on each protected route; authentication is {@link CallerAuthHandler}'s job, which reads the
   * requirements from the original document through {@link Operations}.
   */
  static JsonObject forValidation(JsonObject document) {
    JsonObject copy = document.copy();
    copy.remove("security");
    JsonObject paths = copy.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String key : item.fieldNames()) {
        if (item.getValue(key) instanceof JsonObject operation && operation.containsKey("responses")) {
          stripContent(operation.getJsonObject("responses"));
          operation.remove("security");
        }
      }
    }
    JsonObject components = copy.getJsonObject("components");
    if (components != null && components.containsKey("responses")) {
      stripContent(components.getJsonObject("responses"));
    }
    return copy;
  }

  private static void stripContent(JsonObject responses) {
    for (String status : responses.fieldNames()) {
      if (responses.getValue(status) instanceof JsonObject response) {
        response.remove("content");
      }
    }
  }
}
