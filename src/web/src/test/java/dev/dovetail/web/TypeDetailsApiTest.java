package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.testkit.RecordingMailer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A type's description, location and questions, and the customer's answers, through the API and pages (ADR 49). */
@ExtendWith(VertxExtension.class)
class TypeDetailsApiTest {

  private static final String VIDEO = "https://meet.example.com/room-7?pwd=a&b=c";

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  private JsonObject typeBody(String id) {
    return new JsonObject().put("id", id).put("resourceId", alice.resourceId()).put("name", "Advice")
        .put("durationsMinutes", new JsonArray().add(60))
        .put("description", "Bring your papers.\n<script>alert(1)</script>")
        .put("location", new JsonObject().put("kind", "VIDEO").put("value", VIDEO))
        .put("questions", new JsonArray()
            .add(new JsonObject().put("id", "topic").put("kind", "CHOICE").put("label", "Topic").put("required", true)
                .put("options", new JsonArray().add("Tax").add("Rent")))
            .add(new JsonObject().put("kind", "PHONE").put("label", "Phone"))
            .add(new JsonObject().put("kind", "TEXT").put("label", "Anything else?")));
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> book(String start, JsonObject answers) {
    JsonObject request = ApiFixture.bookingRequest(start, "asked@example.com");
    if (answers != null) {
      request.put("answers", answers);
    }
    return api.post("/api/v1/public/booking-types/advice/bookings", request);
  }

  @Test
  @DisplayName("a type's details read back, the offer shows them, and the pages show them escaped")
  void detailsReadBackAndShow() {
    JsonObject created = expect(201, api.post("/api/v1/booking-types", alice.bearer(), typeBody("advice")));

    assertThat(created.getString("description")).isEqualTo("Bring your papers.\n<script>alert(1)</script>");
    assertThat(created.getJsonObject("location").getString("value")).isEqualTo(VIDEO);
    assertThat(created.getJsonArray("questions")).extracting(q -> ((JsonObject) q).getString("id"))
        .containsExactly("topic", "q1", "q2");
    JsonObject read = expect(200, api.get("/api/v1/booking-types/advice", alice.bearer()));
    assertThat(read).isEqualTo(created);
    JsonObject offer = expect(200, api.get("/api/v1/public/booking-types/advice"));
    assertThat(offer.getJsonArray("questions")).isEqualTo(created.getJsonArray("questions"));
    assertThat(offer.getJsonObject("location")).isEqualTo(created.getJsonObject("location"));
    assertThat(offer.getString("description")).isEqualTo(created.getString("description"));

    String page = api.get("/book/alice/advice").bodyAsString();
    assertThat(page).contains("Bring your papers.\n&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("<span class=\"fact-label\">Video call</span> <a href=\"https://meet.example.com/room-7?pwd=a&amp;b=c\"")
        .doesNotContain("<script>alert(1)");
    assertThat(api.get("/book/alice").bodyAsString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
    assertThat(api.get("/book/alice/" + alice.typeId()).bodyAsString())
        .doesNotContain("id=\"type-location\"").contains("<p class=\"offer-description\" id=\"type-description\"></p>");
  }

  @Test
  @DisplayName("a booking with answers is 201; the answers read back in the receipt, the API, the .ics and the mails")
  void answersAreStoredAndShown() {
    expect(201, api.post("/api/v1/booking-types", alice.bearer(), typeBody("advice")));

    JsonObject receipt = expect(201, book(ApiFixture.mondayAt(14, 0).toString(), new JsonObject()
        .put("topic", "Rent").put("q1", " +49 30 1234567 ").put("q2", "")));

    JsonArray expected = new JsonArray()
        .add(new JsonObject().put("questionId", "topic").put("question", "Topic").put("answer", "Rent"))
        .add(new JsonObject().put("questionId", "q1").put("question", "Phone").put("answer", "+49 30 1234567"));
    JsonObject booking = receipt.getJsonObject("booking");
    assertThat(booking.getJsonArray("answers")).isEqualTo(expected);
    JsonObject read = expect(200, api.get("/api/v1/bookings/" + booking.getString("id"), alice.bearer()));
    assertThat(read.getJsonObject("booking").getJsonArray("answers")).isEqualTo(expected);
    assertThat(expect(200, api.get("/api/v1/public/bookings/" + receipt.getString("manageToken")))
        .getJsonObject("booking").getJsonArray("answers")).isEqualTo(expected);
    String ics = api.get("/api/v1/public/bookings/" + receipt.getString("manageToken") + "/ics").bodyAsString();
    assertThat(ics).contains("LOCATION:" + VIDEO + "\r\n", "URL:" + VIDEO + "\r\n");

    RecordingMailer mailer = new RecordingMailer();
    api.dispatcher(mailer).dispatchDue().await();
    assertThat(mailer.sent()).filteredOn(m -> m.to().equals("alice@example.com") && m.text().contains(booking
        .getString("id"))).singleElement().satisfies(m -> assertThat(m.text())
        .contains("Answers:\n  Topic: Rent\n  Phone: +49 30 1234567").contains("Video call: " + VIDEO));
    assertThat(mailer.sent()).filteredOn(m -> m.to().equals("asked@example.com")).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("Your answers:\n  Topic: Rent").contains(VIDEO));
  }

  @Test
  @DisplayName("bad answers are a 400 with the reason, and nothing is stored")
  void badAnswersAreRefused() {
    expect(201, api.post("/api/v1/booking-types", alice.bearer(), typeBody("advice")));
    int before = api.storedBookings("alice").size();
    String start = ApiFixture.mondayAt(15, 0).toString();
    JsonObject eleven = new JsonObject();
    for (int i = 0; i < 11; i++) {
      eleven.put("x" + i, "y");
    }
    List<JsonObject> bad = new ArrayList<>(List.of(new JsonObject(), new JsonObject().put("topic", "Other"),
        new JsonObject().put("topic", "Tax").put("q1", "call me maybe"),
        new JsonObject().put("topic", "Tax").put("shoe", "42"),
        new JsonObject().put("topic", "Tax").put("q2", "x".repeat(1001)),
        new JsonObject().put("topic", 7), eleven));
    List<String> reasons = new ArrayList<>();
    for (JsonObject answers : bad) {
      reasons.add(expectProblem(400, book(start, answers)).getString("detail"));
    }
    reasons.add(expectProblem(400, book(start, null)).getString("detail"));

    assertThat(reasons.get(0)).isEqualTo("answers.topic: 'Topic' needs an answer");
    assertThat(reasons.get(1)).isEqualTo("answers.topic: choose one of Tax, Rent");
    assertThat(reasons.get(2)).startsWith("answers.q1: not a phone number");
    assertThat(reasons.get(3)).contains("asks no question 'shoe'");
    assertThat(reasons).allSatisfy(r -> assertThat(r).isNotBlank());
    assertThat(api.storedBookings("alice")).hasSize(before);
    expect(201, book(start, new JsonObject().put("topic", "Tax")));
  }

  @Test
  @DisplayName("a booking the provider takes for a customer is not asked the questions: 201 without answers")
  void providerBookingsAreNotAsked() {
    expect(201, api.post("/api/v1/booking-types", alice.bearer(), typeBody("advice")));

    JsonObject receipt = expect(201, api.post("/api/v1/bookings", alice.bearer(), new JsonObject()
        .put("bookingTypeId", "advice").put("start", ApiFixture.mondayAt(16, 0).toString())
        .put("timeZone", "Europe/Berlin").put("name", "Walk-in").put("email", "walkin@example.com")));

    assertThat(receipt.getJsonObject("booking").getJsonArray("answers")).isEmpty();
  }

  @Test
  @DisplayName("bad details are a 400 with the reason, and the type is not written")
  void badDetailsAreRefused() {
    JsonArray eleven = new JsonArray();
    for (int i = 0; i < 11; i++) {
      eleven.add(new JsonObject().put("kind", "TEXT").put("label", "Q" + i));
    }
    List<JsonObject> bad = List.of(
        typeBody("t1").put("location", new JsonObject().put("kind", "VIDEO").put("value", "http://meet.example.com/x")),
        typeBody("t2").put("location", new JsonObject().put("kind", "VIDEO").put("value", "javascript:alert(1)")),
        typeBody("t3").put("location", new JsonObject().put("kind", "PHONE").put("value", "ring ring")),
        typeBody("t4").put("questions", eleven),
        typeBody("t5").put("questions", new JsonArray().add(new JsonObject().put("kind", "CHOICE").put("label", "One")
            .put("options", new JsonArray().add("only")))),
        typeBody("t6").put("questions", new JsonArray().add(new JsonObject().put("kind", "TEXT").put("label", "A\nB"))),
        typeBody("t7").put("description", "x".repeat(2001)),
        typeBody("t8").put("questions", new JsonArray()
            .add(new JsonObject().put("id", "same").put("kind", "TEXT").put("label", "A"))
            .add(new JsonObject().put("id", "same").put("kind", "TEXT").put("label", "B"))));
    for (JsonObject body : bad) {
      JsonObject problem = expectProblem(400, api.post("/api/v1/booking-types", alice.bearer(), body));
      assertThat(problem.getString("detail")).as(body.encode()).isNotBlank();
      expectProblem(404, api.get("/api/v1/booking-types/" + body.getString("id"), alice.bearer()));
    }
    expect(201, api.post("/api/v1/booking-types", alice.bearer(), typeBody("t9")));
    JsonObject update = typeBody("t9").put("location", null).put("questions", new JsonArray()).put("description", "");
    update.remove("id");
    expect(200, api.send(HttpMethod.PUT, "/api/v1/booking-types/t9", alice.bearer(), update));
    JsonObject cleared = expect(200, api.get("/api/v1/booking-types/t9", alice.bearer()));
    assertThat(cleared.getValue("location")).isNull();
    assertThat(cleared.getJsonArray("questions")).isEmpty();
  }
}
