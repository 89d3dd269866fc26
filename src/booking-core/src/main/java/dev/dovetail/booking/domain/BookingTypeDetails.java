package dev.dovetail.booking.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a booking type tells and asks its customers (ADR 49): a plain-text {@code description} (line breaks kept, at
 * most {@link #MAX_DESCRIPTION_LENGTH} characters; the pages escape it), where it happens ({@code location}, null for
 * "at the resource"), and at most {@link #MAX_QUESTIONS} {@code questions} with distinct ids.
 */
public record BookingTypeDetails(String description, TypeLocation location, List<Question> questions) {

  public static final int MAX_DESCRIPTION_LENGTH = 2000;
  public static final int MAX_QUESTIONS = 10;
  /** No description, location or question: what a type written before details existed reads as. */
  public static final BookingTypeDetails NONE = new BookingTypeDetails("", null, List.of());

  public BookingTypeDetails {
    description = Objects.requireNonNullElse(description, "").replace("\r\n", "\n").strip();
    if (description.length() > MAX_DESCRIPTION_LENGTH) {
      throw new InvalidRequestException("description has at most " + MAX_DESCRIPTION_LENGTH + " characters");
    }
    if (PlainText.hasControl(description.replace('\n', ' '))) {
      throw new InvalidRequestException("description must not contain control characters other than line breaks");
    }
    questions = List.copyOf(Objects.requireNonNullElse(questions, List.of()));
    if (questions.size() > MAX_QUESTIONS) {
      throw new InvalidRequestException("a booking type asks at most " + MAX_QUESTIONS + " questions");
    }
    if (new HashSet<>(questions.stream().map(Question::id).toList()).size() != questions.size()) {
      throw new InvalidRequestException("question ids must differ");
    }
  }
}
