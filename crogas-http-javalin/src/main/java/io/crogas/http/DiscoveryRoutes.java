package io.crogas.http;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /x402/discovery/resources?type=&limit=&offset=}: the bazaar discovery list, in the
 * shape the reference facilitator client reads ({@code withBazaar(...).extensions.bazaar
 * .listResources}: {@code x402Version, items, pagination {limit, offset, total}}).
 */
final class DiscoveryRoutes {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final DiscoveryCatalog catalog;

  DiscoveryRoutes(DiscoveryCatalog catalog) {
    this.catalog = catalog;
  }

  void register(RouteTable routes) {
    routes.get("/x402/discovery/resources", this::resources);
  }

  private void resources(Context ctx) {
    Optional<String> type = Values.query(ctx, "type");
    int limit =
        Values.query(ctx, "limit")
            .map(text -> Values.parsed("limit", () -> Values.integer(text, 1, MAX_LIMIT)))
            .orElse(DEFAULT_LIMIT);
    int offset =
        Values.query(ctx, "offset")
            .map(text -> Values.parsed("offset", () -> Values.integer(text, 0, 1_000_000)))
            .orElse(0);
    Json.write(ctx, 200, DiscoveryCatalog.json(catalog.list(type, limit, offset), limit, offset));
  }
}
