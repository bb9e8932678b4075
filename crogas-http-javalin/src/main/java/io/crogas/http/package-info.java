/** The HTTP adapter: REST API, x402 facilitator endpoints, metrics and the OpenAPI description. */
package io.crogas.http;
