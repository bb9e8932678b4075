package io.crogas.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** {@code GET /stats/activity}: the series the dashboard draws (404 where none is wired). */
final class ActivityRoutes {
  private final Optional<Activity.Source> source;

  ActivityRoutes(Optional<Activity.Source> source) {
    this.source = source;
  }

  void register(RouteTable routes) {
    routes.get("/stats/activity", this::activity);
  }

  private void activity(Context ctx) {
    if (source.isEmpty()) {
      throw new ApiException(404, "not_found", "this server keeps no activity", Map.of());
    }
    Activity activity = source.get().read();
    ObjectNode json = Json.object();
    ArrayNode minutes = json.putArray("minutes");
    activity
        .minutes()
        .forEach(
            m ->
                minutes
                    .addObject()
                    .put("start", m.start().getEpochSecond())
                    .put("confirmed", m.confirmed())
                    .put("failed", m.failed())
                    .put("usdc", m.usdc().toPlainString()));
    ArrayNode balances = json.putArray("balances");
    activity
        .balances()
        .forEach(
            sample -> {
              ObjectNode point = balances.addObject().put("at", sample.at().getEpochSecond());
              ObjectNode relayers = point.putObject("cro");
              sample
                  .cro()
                  .forEach(
                      (address, wei) ->
                          relayers.put(
                              address.value(),
                              new BigDecimal(wei.value())
                                  .movePointLeft(18)
                                  .stripTrailingZeros()
                                  .toPlainString()));
            });
    Json.write(ctx, 200, json);
  }
}
