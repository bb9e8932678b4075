package io.crogas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes and remembers them: for metrics (the route template of each request) and so a
 * test can check that the OpenAPI description lists every one. GETs answer every caller; each POST
 * names its {@link Audience}, which decides whether it needs an API key.
 */
final class RouteTable {
  static final String ROUTE_ATTRIBUTE = "crogas.route";

  private final RoutesConfig routes;
  private final Callers callers;
  private final List<HttpApi.Route> registered = new ArrayList<>();

  RouteTable(RoutesConfig routes, Callers callers) {
    this.routes = routes;
    this.callers = callers;
  }

  void get(String path, Handler handler) {
    routes.get(path, tagged("GET", path, handler));
  }

  /** A POST for {@code audience}: 401 for callers without an API key unless it admits them. */
  void post(String path, Audience audience, Handler handler) {
    routes.post(
        path,
        tagged(
            "POST",
            path,
            ctx -> {
              callers.require(ctx, audience);
              handler.handle(ctx);
            }));
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
