package io.crogas.cli.x402;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.cli.client.ApiUnavailableException;
import io.crogas.cli.x402.SpendingCaps.Grant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP client that pays x402 resources: it sends the request; on a 402 it picks the first
 * requirement it can pay (in the server's order), in an {@link AcceptedAssets} token, that the
 * {@link SpendingCaps} allow, signs it and sends the request again with the payment header. A price
 * above the caps is refused before anything is signed. The answer is the resource and, when paid,
 * the payment and the server's settlement ({@code PAYMENT-RESPONSE}, v1 {@code
 * X-PAYMENT-RESPONSE}).
 */
public final class PayingClient {
  private final HttpClient http;
  private final Duration timeout;
  private final PaymentSigner signer;
  private final SpendingCaps caps;
  private final AcceptedAssets assets;

  public PayingClient(
      Duration timeout, PaymentSigner signer, SpendingCaps caps, AcceptedAssets assets) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.signer = signer;
    this.caps = caps;
    this.assets = assets;
  }

  /** What to fetch: method, URL, optional body and extra headers ({@code "Name: value"}). */
  public record Fetch(String method, URI url, Optional<String> body, List<String> headers) {
    public Fetch {
      if (!url.isAbsolute() || !List.of("http", "https").contains(url.getScheme())) {
        throw new IllegalArgumentException("not an http(s) URL: " + url);
      }
      for (String header : headers) {
        if (!header.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+:.*")) {
          throw new IllegalArgumentException("a header is \"Name: value\", not: " + header);
        }
      }
      headers = List.copyOf(headers);
    }
  }

  /** How a fetch ended. */
  public sealed interface Outcome permits Fetched, Refused {}

  /**
   * The server's last answer; {@code payment} when this client paid, {@code settlement} the decoded
   * settlement header when the server sent one.
   */
  public record Fetched(
      int status,
      String contentType,
      String body,
      Optional<PaymentSigner.SignedPayment> payment,
      Optional<JsonNode> settlement)
      implements Outcome {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Nothing was signed; {@code reason} says why. */
  public record Refused(String reason) implements Outcome {}

  public Outcome fetch(Fetch fetch) {
    HttpResponse<String> first = send(fetch, Optional.empty());
    if (first.statusCode() != 402) {
      return fetched(first, Optional.empty());
    }
    Optional<PaymentChallenge> challenge =
        PaymentChallenge.read(first.headers().firstValue("PAYMENT-REQUIRED"), first.body());
    if (challenge.isEmpty()) {
      return new Refused("402 without an x402 payment requirement: " + abbreviate(first.body()));
    }
    return pay(fetch, challenge.get());
  }

  private Outcome pay(Fetch fetch, PaymentChallenge challenge) {
    List<String> problems = new ArrayList<>();
    for (Offer.Reading reading : challenge.readings()) {
      if (reading instanceof Offer.Unpayable unpayable) {
        problems.add(unpayable.what() + ": " + unpayable.reason());
        continue;
      }
      Offer offer = ((Offer.Payable) reading).offer();
      if (!assets.accepts(offer.asset())) {
        problems.add(
            offer.network()
                + ": asset "
                + offer.asset()
                + " is not accepted ("
                + assets.describe()
                + ")");
        continue;
      }
      Grant grant = caps.reserve(offer.price());
      if (grant instanceof SpendingCaps.Refused refused) {
        problems.add(offer.network() + ": " + refused.reason());
        continue;
      }
      PaymentSigner.SignedPayment payment = signer.sign(offer, challenge);
      return fetched(send(fetch, Optional.of(payment)), Optional.of(payment));
    }
    return new Refused(
        "nothing paid: "
            + (problems.isEmpty() ? "the 402 lists no requirement" : String.join("; ", problems)));
  }

  private static Fetched fetched(
      HttpResponse<String> response, Optional<PaymentSigner.SignedPayment> payment) {
    Optional<JsonNode> settlement =
        response
            .headers()
            .firstValue("PAYMENT-RESPONSE")
            .or(() -> response.headers().firstValue("X-PAYMENT-RESPONSE"))
            .flatMap(PaymentChallenge::decodeBase64Json);
    return new Fetched(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body(),
        payment,
        settlement);
  }

  private HttpResponse<String> send(Fetch fetch, Optional<PaymentSigner.SignedPayment> payment) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(fetch.url())
            .timeout(timeout)
            .method(
                fetch.method(),
                fetch
                    .body()
                    .map(HttpRequest.BodyPublishers::ofString)
                    .orElse(HttpRequest.BodyPublishers.noBody()));
    for (String header : fetch.headers()) {
      int colon = header.indexOf(':');
      request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    payment.ifPresent(p -> request.header(p.headerName(), p.headerValue()));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ApiUnavailableException(fetch.method() + " " + fetch.url() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnavailableException("interrupted during " + fetch.url(), e);
    }
  }

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
