package dev.dovetail.web.pages;

import java.util.List;

/**
 * Which of the catalogue's module texts a page carries in its {@code <meta name="dovetail-messages">} (ADR 65): the
 * groups ({@code js.<group>.*}) its modules and the modules they import use, and no other, so that a page's weight
 * does not grow with the texts of other pages. {@code PageTextsTest} reads each page's modules and fails when one
 * uses a group its page does not carry.
 */
enum PageTexts {
  /** The provider's and the hub's own pages (dashboard, sign-up, password): English, the shared modules' texts. */
  HUB(List.of("dashboard", "signup", "password"), "error", "duration"),
  /** A page without modules (the provider's page, error pages). */
  NONE(List.of()),
  BOOK(List.of("book"), "error", "duration", "problem", "book", "waitlist", "picker", "month", "zone", "questions"),
  BOOKED(List.of("booked"), "error", "duration", "problem", "title", "booked", "booking", "status", "location", "pay",
      "cal"),
  MANAGE(List.of("manage"), "error", "duration", "problem", "book", "booked", "manage", "booking", "status", "picker",
      "month", "zone", "location", "pay"),
  WAITLIST(List.of("waitlist"), "error", "duration", "problem", "title", "wl");

  private final List<String> modules;
  private final List<String> groups;

  PageTexts(List<String> modules, String... groups) {
    this.modules = modules;
    this.groups = List.of(groups);
  }

  /** The entry modules ({@code /assets/<name>.js}) of the pages that carry these texts. */
  List<String> modules() {
    return modules;
  }

  /** The groups of texts carried: {@code js.<group>.*}. */
  List<String> groups() {
    return groups;
  }
}
