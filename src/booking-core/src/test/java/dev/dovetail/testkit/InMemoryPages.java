package dev.dovetail.testkit;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Keyset pagination over an in-memory stream: the cursor is the sort key of the last item returned. */
final class InMemoryPages {

  private InMemoryPages() {}

  static <T> Page<T> page(Stream<T> items, Function<T, String> key, PageRequest request) {
    List<T> sorted = items
        .sorted(Comparator.comparing(key))
        .filter(item -> request.cursor() == null || key.apply(item).compareTo(request.cursor()) > 0)
        .limit(request.limit() + 1L)
        .toList();
    if (sorted.size() <= request.limit()) {
      return new Page<>(sorted, null);
    }
    List<T> page = sorted.subList(0, request.limit());
    return new Page<>(page, key.apply(page.get(page.size() - 1)));
  }
}
