package dev.dovetail.web.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the contract says about each operation, looked up once per request: whether it is open to anonymous callers
 * (its effective {@code security} is empty or allows an empty requirement) and what it costs in the public rate limit
 * ({@code x-rate-cost}, default 1). A request that matches no operation is treated as protected (default deny),
 * unless it is a GET of one of the declared {@link OpenPath}s (the HTML pages, their assets, and the HTML 404 page of
 * every other address). The API's own namespace, {@value #API_PREFIX}, is the contract's alone: no open path reaches
 * into it, so an unknown API address stays a 401 for anonymous callers.
 */
public final class Operations {

  /** One operation's access rules. */
  public record Info(String operationId, boolean open, int rateCost) {}

  /**
   * A path outside the contract that anonymous callers may GET: an HTML page or its static assets. {@code path}
   * ending in {@code *} opens everything that starts with what comes before the star, otherwise exactly that path.
   * Contract operations always win, and nothing under {@value #API_PREFIX} is ever open this way.
   */
  public record OpenPath(String name, String path, int rateCost) {

    public boolean matches(String requestPath) {
      if (requestPath.startsWith(API_PREFIX)) {
        return false;
      }
      return path.endsWith("*")
          ? requestPath.startsWith(path.substring(0, path.length() - 1))
          : requestPath.equals(path);
    }
  }

  /** The API's namespace: only contract operations live here. */
  public static final String API_PREFIX = "/api/";

  private static final String KEY = "dovetail.operation";
  private static final Info UNKNOWN = new Info(null, false, 0);

  private final OpenAPIContract contract;
  private final Map<String, Info> byId = new HashMap<>();
  private final List<OpenPath> openPaths;

  /**
   * @param contract the validator's contract, for finding the operation of a request
   * @param document the OpenAPI document as written, for each operation's security and rate cost
   */
  public Operations(OpenAPIContract contract, JsonObject document) {
    this(contract, document, List.of());
  }

  /** As {@link #Operations(OpenAPIContract, JsonObject)}, plus the non-API paths that are open to GET. */
  public Operations(OpenAPIContract contract, JsonObject document, List<OpenPath> openPaths) {
    this.contract = contract;
    this.openPaths = List.copyOf(openPaths);
    JsonArray global = document.getJsonArray("security");
    if (global == null || global.isEmpty()) {
      throw new IllegalStateException("the contract must require authentication globally");
    }
    JsonObject paths = document.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!(item.getValue(method) instanceof JsonObject model) || !model.containsKey("operationId")) {
          continue;
        }
        JsonArray security = model.containsKey("security") ? model.getJsonArray("security") : global;
        boolean open = security.isEmpty() || security.stream().anyMatch(r -> r instanceof JsonObject o && o.isEmpty());
        int cost = model.getInteger("x-rate-cost", 1);
        String id = model.getString("operationId");
        byId.put(id, new Info(id, open, cost));
      }
    }
    for (Operation op : contract.operations()) {
      if (!byId.containsKey(op.getOperationId())) {
        throw new IllegalStateException("operation " + op.getOperationId() + " is not in the document");
      }
    }
  }

  /** The operation the request addresses, or an unknown (protected, unlimited) marker. Cached on the context. */
  public Info lookup(RoutingContext ctx) {
    Info cached = ctx.get(KEY);
    if (cached != null) {
      return cached;
    }
    Operation op = contract.findOperation(ctx.normalizedPath(), ctx.request().method());
    Info info = op == null ? openPath(ctx) : byId.getOrDefault(op.getOperationId(), UNKNOWN);
    ctx.put(KEY, info);
    return info;
  }

  private Info openPath(RoutingContext ctx) {
    if (ctx.request().method() != HttpMethod.GET) {
      return UNKNOWN;
    }
    String path = ctx.normalizedPath();
    for (OpenPath open : openPaths) {
      if (open.matches(path)) {
        return new Info(open.name(), true, open.rateCost());
      }
    }
    return UNKNOWN;
  }

  /** Ids of the operations anonymous callers may use, sorted. */
  public Set<String> openOperationIds() {
    Set<String> open = new TreeSet<>();
    byId.values().stream().filter(Info::open).forEach(i -> open.add(i.operationId()));
    return open;
  }
}
