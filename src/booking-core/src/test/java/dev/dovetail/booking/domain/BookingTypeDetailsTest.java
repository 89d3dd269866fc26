package dev.dovetail.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A type's description, location and questions, and the answers checked against them (ADR 49). */
class BookingTypeDetailsTest {

  static final Question NOTES = new Question("notes", Question.Kind.TEXT, "Anything we should know?", false, null);
  static final Question TOPIC = new Question("topic", Question.Kind.CHOICE, "Topic", true, List.of("Tax", "Rent"));
  static final Question PHONE = new Question("phone", Question.Kind.PHONE, "Your phone", true, List.of());
  static final List<Question> QUESTIONS = List.of(NOTES, TOPIC, PHONE);

  @Test
  @DisplayName("answers are stored in the questions' order with the label asked, stripped; blank optional ones dropped")
  void answersAreKeptInOrder() {
    List<Answer> answers = Answers.check(QUESTIONS, Map.of("phone", " +49 30 1234567 ", "topic", "Rent",
        "notes", "  "));

    assertThat(answers).containsExactly(new Answer("topic", "Topic", "Rent"),
        new Answer("phone", "Your phone", "+49 30 1234567"));
    assertThat(Answers.check(QUESTIONS, Map.of("topic", "Tax", "phone", "030/123 45", "notes", "Line one\r\nTwo")))
        .first().isEqualTo(new Answer("notes", "Anything we should know?", "Line one\nTwo"));
  }

  @Test
  @DisplayName("a required question left out or blank, a foreign question, a wrong choice or phone are refused")
  void badAnswersAreRefused() {
    assertThatThrownBy(() -> Answers.check(QUESTIONS, Map.of("phone", "030 1234567")))
        .isInstanceOf(InvalidRequestException.class).hasMessage("answers.topic: 'Topic' needs an answer");
    assertThatThrownBy(() -> Answers.check(QUESTIONS, Map.of("topic", "Tax", "phone", " ")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'Your phone' needs an answer");
    assertThatThrownBy(() -> Answers.check(QUESTIONS, Map.of("topic", "tax", "phone", "030 1234567")))
        .isInstanceOf(InvalidRequestException.class).hasMessage("answers.topic: choose one of Tax, Rent");
    assertThatThrownBy(() -> Answers.check(QUESTIONS, Map.of("topic", "Tax", "phone", "call me")))
        .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("answers.phone: not a phone number");
    assertThatThrownBy(() -> Answers.check(QUESTIONS, Map.of("topic", "Tax", "phone", "1234")))
        .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("answers.phone");
    assertThatThrownBy(() -> Answers.check(QUESTIONS, Map.of("topic", "Tax", "phone", "030 1234567", "age", "9")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("asks no question 'age'");
    assertThatThrownBy(() -> Answers.check(QUESTIONS, Map.of("topic", "Tax", "phone", "030 1234567",
        "notes", "x".repeat(1001)))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("1000");
    assertThatThrownBy(() -> Answers.check(QUESTIONS, Map.of("topic", "Tax", "phone", "030 1234567",
        "notes", "bell\u0007"))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("control");
    assertThat(Answers.check(List.of(), Map.of())).isEmpty();
  }

  @Test
  @DisplayName("questions: ids, kinds, one-line labels, 2 to 20 distinct options for a choice only; at most 10")
  void questionsAreBounded() {
    assertThatThrownBy(() -> new Question("Bad Id", Question.Kind.TEXT, "x", false, null))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new Question("q", Question.Kind.TEXT, " ", false, null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("label may not be empty");
    assertThatThrownBy(() -> new Question("q", Question.Kind.TEXT, "two\nlines", false, null))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new Question("q", Question.Kind.CHOICE, "Pick", false, List.of("only")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2 to 20 options");
    assertThatThrownBy(() -> new Question("q", Question.Kind.CHOICE, "Pick", false, List.of("a", " a ")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("differ");
    assertThatThrownBy(() -> new Question("q", Question.Kind.PHONE, "Tel", false, List.of("a", "b")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only a CHOICE");
    assertThatThrownBy(() -> new Question("q", Question.Kind.TEXT, "x".repeat(201), false, null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("200");
    List<Question> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(new Question("q" + i, Question.Kind.TEXT, "Question " + i, false, null));
    }
    assertThat(new BookingTypeDetails("", null, eleven.subList(0, 10)).questions()).hasSize(10);
    assertThatThrownBy(() -> new BookingTypeDetails("", null, eleven))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 10");
    assertThatThrownBy(() -> new BookingTypeDetails("", null, List.of(NOTES, NOTES)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("differ");
  }

  @Test
  @DisplayName("a description keeps its line breaks, at most 2000 characters, and no other control character")
  void descriptionIsPlainText() {
    assertThat(new BookingTypeDetails(" <b>Bring</b>\r\nyour papers ", null, null).description())
        .isEqualTo("<b>Bring</b>\nyour papers");
    assertThat(new BookingTypeDetails(null, null, null)).isEqualTo(BookingTypeDetails.NONE);
    assertThatThrownBy(() -> new BookingTypeDetails("x".repeat(2001), null, null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2000");
    assertThatThrownBy(() -> new BookingTypeDetails("nul\u0000", null, null))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  @DisplayName("locations: an address, a phone number, or an https video link")
  void locations() {
    assertThat(new TypeLocation(TypeLocation.Kind.VIDEO, " https://meet.example.com/abc-def?pwd=1 ").url())
        .isEqualTo("https://meet.example.com/abc-def?pwd=1");
    assertThat(new TypeLocation(TypeLocation.Kind.ADDRESS, "Hauptstr. 1, 10115 Berlin").url()).isNull();
    assertThat(new TypeLocation(TypeLocation.Kind.PHONE, "+1 (555) 010-0199").value()).isEqualTo("+1 (555) 010-0199");
    assertThatThrownBy(() -> new TypeLocation(TypeLocation.Kind.PHONE, "ring me"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new TypeLocation(null, "x")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new TypeLocation(TypeLocation.Kind.ADDRESS, "a".repeat(501)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("500");
    assertThatThrownBy(() -> new TypeLocation(TypeLocation.Kind.ADDRESS, "Line\nbreak"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://meet.example.com/x", "javascript:alert(1)", "https://", "meet.example.com/x",
      "https://user:pw@meet.example.com/x", "https://meet.example.com/a b", "data:text/html,hi", "HTTPS:/x", ""})
  @DisplayName("a video link that is not an absolute https URL with a host is refused")
  void videoLinkMustBeHttps(String link) {
    assertThatThrownBy(() -> new TypeLocation(TypeLocation.Kind.VIDEO, link))
        .isInstanceOf(InvalidRequestException.class);
  }
}
