package io.crogas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes and remembers them: for metrics (the route template of each request) and so a
 * test can check that the OpenAPI description lists every one.
 */
final class RouteTable {
  static final String ROUTE_ATTRIBUTE = "crogas.route";

  private final RoutesConfig routes;
  private final List<HttpApi.Route> registered = new ArrayList<>();

  RouteTable(RoutesConfig routes) {
    this.routes = routes;
  }

  void get(String path, Handler handler) {
    routes.get(path, tagged("GET", path, handler));
  }

  void post(String path, Handler handler) {
    routes.post(path, tagged("POST", path, handler));
  }

  List<HttpApi.Route> registered() {
    return List.copyOf(registered);
  }

  private Handler tagged(String method, String path, Handler handler) {
    registered.add(new HttpApi.Route(method, path));
    return ctx -> {
      ctx.attribute(ROUTE_ATTRIBUTE, path);
      handler.handle(ctx);
    };
  }
}
