package io.crogas.cli.x402;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A fetch's result as one JSON-ready object, and the lines a person reads on standard error. */
public final class FetchReport {
  private FetchReport() {}

  /**
   * {@code status}, {@code contentType}, {@code body}, {@code paid}, {@code payment} ({@code
   * network, asset, payTo, payer, amount, amountAtomic}) and {@code settlement} as the server sent
   * it.
   */
  public static Map<String, Object> of(PayingClient.Fetched fetched) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("status", fetched.status());
    report.put("contentType", fetched.contentType());
    report.put("body", fetched.body());
    report.put("paid", fetched.payment().isPresent());
    fetched.payment().ifPresent(p -> report.put("payment", payment(p)));
    fetched.settlement().ifPresent(s -> report.put("settlement", s));
    return report;
  }

  static Map<String, Object> payment(PaymentSigner.SignedPayment payment) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("x402Version", payment.offer().x402Version());
    fields.put("network", payment.offer().network());
    fields.put("asset", payment.offer().asset().value());
    fields.put("payTo", payment.offer().payTo().value());
    fields.put("payer", payment.authorization().from().value());
    fields.put("amount", payment.amount().toDecimalString());
    fields.put("amountAtomic", payment.authorization().value().toString());
    return fields;
  }

  /**
   * What a person reads on standard error: the payment (amount, payTo, network) and the settlement
   * the server reported ({@code PAYMENT-RESPONSE}: transaction or failure); empty when nothing was
   * paid.
   */
  public static Optional<String> paymentLine(PayingClient.Fetched fetched) {
    return fetched
        .payment()
        .map(
            payment ->
                "paid "
                    + payment.amount().toDecimalString()
                    + " USDC to "
                    + payment.offer().payTo()
                    + " on "
                    + payment.offer().network()
                    + fetched
                        .settlement()
                        .map(FetchReport::settlement)
                        .orElse(" (no settlement reported)"));
  }

  private static String settlement(JsonNode settlement) {
    if (!settlement.path("success").asBoolean(false)) {
      return "; settlement failed: " + settlement.path("errorReason").asText(settlement.toString());
    }
    return "; settled in transaction " + settlement.path("transaction").asText("?");
  }
}
