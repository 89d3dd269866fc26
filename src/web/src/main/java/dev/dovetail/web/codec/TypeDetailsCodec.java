package dev.dovetail.web.codec;

import dev.dovetail.booking.domain.Answer;
import dev.dovetail.booking.domain.BookingTypeDetails;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Question;
import dev.dovetail.booking.domain.TypeLocation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A booking type's {@code description}, {@code location} and {@code questions}, a booking request's {@code answers}
 * (question id → text) and a booking's stored {@code answers} as JSON (ADR 49). A question sent without an id gets the
 * first free one of {@code q1}, {@code q2}, ...
 */
public final class TypeDetailsCodec {

  private TypeDetailsCodec() {}

  /** Adds the three fields to a booking type's or an offer's JSON. */
  public static JsonObject put(JsonObject json, BookingTypeDetails details) {
    JsonArray questions = new JsonArray();
    details.questions().forEach(q -> questions.add(new JsonObject()
        .put("id", q.id())
        .put("kind", q.kind().name())
        .put("label", q.label())
        .put("required", q.required())
        .put("options", new JsonArray(q.options()))));
    TypeLocation location = details.location();
    return json
        .put("description", details.description())
        .put("location", location == null ? null
            : new JsonObject().put("kind", location.kind().name()).put("value", location.value()))
        .put("questions", questions);
  }

  /** The details of a create or update body; absent fields mean none. */
  public static BookingTypeDetails fromJson(JsonObject json) {
    JsonObject location = json.getJsonObject("location");
    JsonArray questionJson = json.getJsonArray("questions", new JsonArray());
    if (questionJson.size() > BookingTypeDetails.MAX_QUESTIONS) {
      throw new InvalidRequestException("a booking type asks at most " + BookingTypeDetails.MAX_QUESTIONS + " questions");
    }
    Set<String> taken = new HashSet<>();
    questionJson.forEach(q -> taken.add(((JsonObject) q).getString("id")));
    List<Question> questions = new ArrayList<>();
    int next = 1;
    for (int i = 0; i < questionJson.size(); i++) {
      JsonObject q = questionJson.getJsonObject(i);
      String id = q.getString("id");
      if (id == null) {
        while (taken.contains("q" + next)) {
          next++;
        }
        id = "q" + next;
        taken.add(id);
      }
      List<String> options = new ArrayList<>();
      q.getJsonArray("options", new JsonArray()).forEach(o -> options.add((String) o));
      questions.add(new Question(id, Question.Kind.valueOf(q.getString("kind")), q.getString("label"),
          q.getBoolean("required", false), options));
    }
    return new BookingTypeDetails(json.getString("description", ""),
        location == null ? null
            : new TypeLocation(TypeLocation.Kind.valueOf(location.getString("kind")), location.getString("value")),
        questions);
  }

  /** A booking request's answers, question id → text; absent means none given. */
  static Map<String, String> answers(JsonObject request) {
    JsonObject answers = request.getJsonObject("answers", new JsonObject());
    Map<String, String> given = new LinkedHashMap<>();
    answers.forEach(e -> given.put(e.getKey(), (String) e.getValue()));
    return given;
  }

  static JsonArray toJson(List<Answer> answers) {
    JsonArray all = new JsonArray();
    answers.forEach(a -> all.add(new JsonObject()
        .put("questionId", a.questionId())
        .put("question", a.question())
        .put("answer", a.value())));
    return all;
  }
}
