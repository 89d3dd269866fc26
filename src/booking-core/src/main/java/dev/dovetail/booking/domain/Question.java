package dev.dovetail.booking.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A question a booking type asks the customer on its booking page (ADR 49): free {@code TEXT}, a {@code CHOICE} among
 * {@code options}, or a {@code PHONE} number; {@code required} or not. {@code id} names the question in a request's
 * answers and stays the same while the provider edits its label. Labels and options are one line; bounds keep a
 * type's questions small enough for the page, the mails and each stored booking.
 */
public record Question(String id, Kind kind, String label, boolean required, List<String> options) {

  public enum Kind { TEXT, CHOICE, PHONE }

  public static final int MAX_LABEL_LENGTH = 200;
  public static final int MAX_OPTIONS = 20;
  public static final int MAX_OPTION_LENGTH = 100;
  private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,31}$");

  public Question {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidRequestException("question id must be 1 to 32 of a-z, 0-9 and '-': " + id);
    }
    if (kind == null) {
      throw new InvalidRequestException("question " + id + ": kind must be TEXT, CHOICE or PHONE");
    }
    label = oneLine(label, MAX_LABEL_LENGTH, "question " + id + ": label");
    options = List.copyOf(Objects.requireNonNullElse(options, List.of()));
    if (kind == Kind.CHOICE) {
      if (options.size() < 2 || options.size() > MAX_OPTIONS) {
        throw new InvalidRequestException("question " + id + ": a choice needs 2 to " + MAX_OPTIONS + " options");
      }
      options = options.stream().map(o -> oneLine(o, MAX_OPTION_LENGTH, "question " + id + ": option")).toList();
      if (new HashSet<>(options).size() != options.size()) {
        throw new InvalidRequestException("question " + id + ": options must differ");
      }
    } else if (!options.isEmpty()) {
      throw new InvalidRequestException("question " + id + ": only a CHOICE question has options");
    }
  }

  private static String oneLine(String text, int max, String what) {
    String value = Objects.requireNonNullElse(text, "").strip();
    if (value.isEmpty()) {
      throw new InvalidRequestException(what + " may not be empty");
    }
    if (value.length() > max) {
      throw new InvalidRequestException(what + " has at most " + max + " characters");
    }
    PlainText.requireNoControl(value, what);
    return value;
  }
}
