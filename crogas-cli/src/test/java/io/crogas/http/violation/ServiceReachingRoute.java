package io.crogas.http.violation;

import io.crogas.domain.service.MedianPriceFeed;

/** Deliberately breaks the layer rules (an HTTP adapter using a service, not a port). */
public final class ServiceReachingRoute {
  private ServiceReachingRoute() {}

  public static Object price(MedianPriceFeed prices) {
    return prices.latest();
  }
}
