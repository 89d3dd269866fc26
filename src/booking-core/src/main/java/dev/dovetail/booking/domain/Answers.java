package dev.dovetail.booking.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a customer's answers against the type's questions (ADR 49) and returns what is stored: one {@link Answer} per
 * answered question, in the questions' order, each value stripped. Refused with a reason (nothing is booked): an answer
 * to no question of the type, a required question left blank, a choice that is not one of its options, a phone
 * answer that is not a phone number, a text longer than {@link #MAX_TEXT_LENGTH} or holding control characters other
 * than line breaks. A question left blank and not required is not stored.
 */
public final class Answers {

  public static final int MAX_TEXT_LENGTH = 1000;
  public static final int MAX_PHONE_LENGTH = 30;
  /** A phone number as people write one: an optional +, then 5 to 20 digits with spaces, ( ) - . or / between. */
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,30}$");

  private Answers() {}

  /** The stored answers to {@code questions} from {@code given} (question id → answer text). */
  public static List<Answer> check(List<Question> questions, Map<String, String> given) {
    Objects.requireNonNull(given, "answers");
    for (String id : given.keySet()) {
      if (questions.stream().noneMatch(q -> q.id().equals(id))) {
        throw new InvalidRequestException("answers: this booking type asks no question '" + shorten(id) + "'");
      }
    }
    List<Answer> answers = new ArrayList<>();
    for (Question question : questions) {
      String value = Objects.requireNonNullElse(given.get(question.id()), "").replace("\r\n", "\n").strip();
      if (value.isEmpty()) {
        if (question.required()) {
          throw new InvalidRequestException("answers." + question.id() + ": '" + question.label() + "' needs an answer");
        }
        continue;
      }
      requireValid(question, value);
      answers.add(new Answer(question.id(), question.label(), value));
    }
    return List.copyOf(answers);
  }

  /** Whether {@code text} is written like a phone number. */
  public static boolean isPhone(String text) {
    if (text == null || !PHONE.matcher(text).matches()) {
      return false;
    }
    long digits = text.chars().filter(Character::isDigit).count();
    return digits >= 5 && digits <= 20;
  }

  private static void requireValid(Question question, String value) {
    String field = "answers." + question.id();
    if (value.length() > MAX_TEXT_LENGTH) {
      throw new InvalidRequestException(field + ": at most " + MAX_TEXT_LENGTH + " characters");
    }
    switch (question.kind()) {
      case TEXT -> {
        if (PlainText.hasControl(value.replace('\n', ' '))) {
          throw new InvalidRequestException(field + ": no control characters other than line breaks");
        }
      }
      case CHOICE -> {
        if (!question.options().contains(value)) {
          throw new InvalidRequestException(field + ": choose one of " + String.join(", ", question.options()));
        }
      }
      case PHONE -> {
        if (!isPhone(value)) {
          throw new InvalidRequestException(field + ": not a phone number (digits, spaces, + ( ) - . /)");
        }
      }
    }
  }

  private static String shorten(String id) {
    String flat = id.length() > 40 ? id.substring(0, 40) + "…" : id;
    return PlainText.hasControl(flat) ? "?" : flat;
  }
}
