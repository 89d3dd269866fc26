package dev.dovetail.booking.domain;

import java.util.Objects;

/**
 * A customer's answer to one of its booking type's questions, stored with the booking (ADR 49). {@code question} is
 * the label as it was asked, so the answer still reads right after the provider edits or removes the question.
 */
public record Answer(String questionId, String question, String value) {

  public Answer {
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(value, "value");
  }
}
