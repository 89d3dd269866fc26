package dev.dovetail.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A load driver's arguments: {@code [requests] [clients ...]}, the requests of each phase and the numbers of clients
 * (requests in flight) to run them with; the driver's defaults where they are left out.
 */
record LoadArgs(int requests, List<Integer> clients) {

  static LoadArgs parse(String[] args, int defaultRequests, List<Integer> defaultClients) {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : defaultRequests;
    List<Integer> clients = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      clients.add(Integer.parseInt(args[i]));
    }
    return new LoadArgs(requests, clients.isEmpty() ? defaultClients : List.copyOf(clients));
  }

  /** The most clients of any phase: the connections the HTTP client needs. */
  int mostClients() {
    return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
  }
}
