package dev.dovetail.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends as answers, {@link Answers#check} either refuses it with an {@link InvalidRequestException}
 * or returns answers that satisfy every rule: only the type's questions, in their order, every required one answered,
 * choices among the options, phone answers shaped like numbers, values bounded, stripped and without control
 * characters other than line breaks (ADR 49).
 */
@Label("Answers to a booking type's questions")
class AnswersProperties {

  record Case(List<Question> questions, Map<String, String> given) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Question> question = Combinators.combine(
            Arbitraries.of("notes", "topic", "phone", "size", "x"),
            Arbitraries.of(Question.Kind.values()),
            Arbitraries.of(true, false))
        .as((id, kind, required) -> new Question(id, kind, "Label " + id, required,
            kind == Question.Kind.CHOICE ? List.of("Tax", "Rent", "Other") : List.of()));
    Arbitrary<List<Question>> questions = question.list().ofMaxSize(5).uniqueElements(Question::id);
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.of("", " ", "Tax", "Rent", " Rent ", "rent", "+49 30 1234567", "030/123 45", "1234",
            "+1 (555) 010-0199", "line\nbreak", "bell\u0007", "x".repeat(1001), "y".repeat(1000)),
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789 +()-./").ofMaxLength(35));
    Arbitrary<Map<String, String>> given = Arbitraries.maps(
        Arbitraries.of("notes", "topic", "phone", "size", "x", "other"), value).ofMaxSize(6);
    return Combinators.combine(questions, given).as(Case::new);
  }

  @Property(tries = 2000)
  void acceptedAnswersKeepEveryRule(@ForAll("cases") Case c) {
    List<Answer> answers;
    try {
      answers = Answers.check(c.questions(), new HashMap<>(c.given()));
    } catch (InvalidRequestException refused) {
      assertThat(refused.getMessage()).startsWith("answers");
      return;
    }
    List<String> order = c.questions().stream().map(Question::id).toList();
    assertThat(answers.stream().map(Answer::questionId).toList())
        .isSubsetOf(order)
        .isSortedAccordingTo((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
    assertThat(c.given().keySet()).isSubsetOf(order);
    for (Question q : c.questions()) {
      Answer answer = answers.stream().filter(a -> a.questionId().equals(q.id())).findFirst().orElse(null);
      if (q.required()) {
        assertThat(answer).as("required %s", q.id()).isNotNull();
      }
      if (answer == null) {
        assertThat(c.given().getOrDefault(q.id(), "")).isBlank();
        continue;
      }
      String value = answer.value();
      assertThat(answer.question()).isEqualTo(q.label());
      assertThat(value).isNotBlank().isEqualTo(value.strip()).hasSizeLessThanOrEqualTo(Answers.MAX_TEXT_LENGTH);
      assertThat(PlainText.hasControl(value.replace('\n', ' '))).isFalse();
      switch (q.kind()) {
        case CHOICE -> assertThat(q.options()).contains(value);
        case PHONE -> assertThat(value.chars().filter(Character::isDigit).count()).isBetween(5L, 20L);
        case TEXT -> { }
      }
    }
  }

  @Property(tries = 500)
  void answeringEveryQuestionWellIsAccepted(@ForAll("cases") Case c) {
    Map<String, String> good = new HashMap<>();
    for (Question q : c.questions()) {
      good.put(q.id(), switch (q.kind()) {
        case CHOICE -> q.options().get(1);
        case PHONE -> "+49 (0)30 1234-567";
        case TEXT -> "Some words\nand more";
      });
    }
    assertThat(Answers.check(c.questions(), good)).hasSize(c.questions().size());
  }
}
