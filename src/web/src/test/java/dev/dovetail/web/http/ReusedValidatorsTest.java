package dev.dovetail.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Parameter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The validator's view of the real contract builds each schema's validator once and validates as before. */
class ReusedValidatorsTest {

  private static Vertx vertx;
  private static OpenAPIContract contract;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    Buffer yaml = vertx.fileSystem().readFileBlocking("openapi.yaml");
    contract = ContractLoader.load(vertx, ContractLoader.parse(yaml))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() {
    vertx.close();
  }

  @Test
  @DisplayName("the slots route's time-zone parameter: one validator for every request, still refusing a bad value")
  void oneValidatorPerSchema() {
    JsonSchema tz = parameter("listSlots", "tz").getSchema();
    Validator first = contract.getSchemaRepository().validator(tz);

    assertThat(contract.getSchemaRepository().validator(tz)).isSameAs(first);
    assertThat(first.validate("Europe/Berlin").getValid()).isTrue();
    assertThat(first.validate("x".repeat(500)).getValid()).isFalse();
  }

  private static Parameter parameter(String operationId, String name) {
    return contract.operation(operationId).getParameters().stream()
        .filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
  }
}
