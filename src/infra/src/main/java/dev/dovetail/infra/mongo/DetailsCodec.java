package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.Answer;
import dev.dovetail.booking.domain.BookingTypeDetails;
import dev.dovetail.booking.domain.Question;
import dev.dovetail.booking.domain.TypeLocation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A booking type's details and a booking's answers as document parts (ADR 49): {@code details: {description,
 * location: null | {kind, value}, questions: [{id, kind, label, required, options}]}} on the type, {@code answers:
 * [{questionId, question, value}]} on the booking. A document written before details existed has neither field and
 * reads as {@link BookingTypeDetails#NONE} and no answers; the fields are written only when there is something in them.
 */
final class DetailsCodec {

  private DetailsCodec() {}

  static void putDetails(JsonObject doc, BookingTypeDetails details) {
    if (details.equals(BookingTypeDetails.NONE)) {
      return;
    }
    JsonArray questions = new JsonArray();
    details.questions().forEach(q -> questions.add(new JsonObject()
        .put("id", q.id())
        .put("kind", q.kind().name())
        .put("label", q.label())
        .put("required", q.required())
        .put("options", new JsonArray(q.options()))));
    TypeLocation location = details.location();
    doc.put("details", new JsonObject()
        .put("description", details.description())
        .put("location", location == null ? null
            : new JsonObject().put("kind", location.kind().name()).put("value", location.value()))
        .put("questions", questions));
  }

  static BookingTypeDetails details(JsonObject doc) {
    JsonObject details = doc.getJsonObject("details");
    if (details == null) {
      return BookingTypeDetails.NONE;
    }
    JsonObject location = details.getJsonObject("location");
    List<Question> questions = new ArrayList<>();
    for (Object item : MongoSupport.array(details, "questions")) {
      JsonObject q = (JsonObject) item;
      List<String> options = new ArrayList<>();
      MongoSupport.array(q, "options").forEach(o -> options.add((String) o));
      questions.add(new Question(q.getString("id"), Question.Kind.valueOf(q.getString("kind")), q.getString("label"),
          q.getBoolean("required"), options));
    }
    return new BookingTypeDetails(details.getString("description"),
        location == null ? null
            : new TypeLocation(TypeLocation.Kind.valueOf(location.getString("kind")), location.getString("value")),
        questions);
  }

  static void putAnswers(JsonObject doc, List<Answer> answers) {
    if (answers.isEmpty()) {
      return;
    }
    JsonArray all = new JsonArray();
    answers.forEach(a -> all.add(new JsonObject()
        .put("questionId", a.questionId())
        .put("question", a.question())
        .put("value", a.value())));
    doc.put("answers", all);
  }

  static List<Answer> answers(JsonObject doc) {
    JsonArray all = doc.getJsonArray("answers");
    if (all == null) {
      return List.of();
    }
    List<Answer> answers = new ArrayList<>();
    for (Object item : all) {
      JsonObject a = (JsonObject) item;
      answers.add(new Answer(a.getString("questionId"), a.getString("question"), a.getString("value")));
    }
    return answers;
  }
}
