package io.crogas.cli.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.cli.CliFailure;
import io.crogas.cli.client.ApiAnswer;
import io.crogas.cli.client.ApiClient;
import io.crogas.cli.client.GaslessCalls;
import io.crogas.cli.client.QuoteSigner;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.cli.x402.AcceptedAssets;
import io.crogas.cli.x402.FetchReport;
import io.crogas.cli.x402.PayingClient;
import io.crogas.cli.x402.PaymentSigner;
import io.crogas.cli.x402.SpendingCaps;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.TokenAmount;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an agent can do through {@code crogas mcp}: the CroGas API's gasless calls signed with one
 * keystore key, and x402 payments from the same key, all under one {@link SpendingCaps} for the
 * whole session (a relay fee and a resource's price count alike).
 */
final class AgentSession {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ApiClient api;
  private final GaslessCalls calls;
  private final UnlockedKey key;
  private final SpendingCaps caps;
  private final PayingClient payer;
  private final Duration wait;

  AgentSession(
      ApiClient api,
      UnlockedKey key,
      SpendingCaps caps,
      Optional<Set<Address>> assets,
      Duration wait) {
    this.api = api;
    this.calls = new GaslessCalls(api);
    this.key = key;
    this.caps = caps;
    this.payer =
        new PayingClient(
            wait,
            new PaymentSigner(key, InstantSource.system()),
            caps,
            AcceptedAssets.only(() -> assets.orElseGet(() -> Set.of(serverUsdc(api)))));
    this.wait = wait;
  }

  Address signer() {
    return key.address();
  }

  SpendingCaps caps() {
    return caps;
  }

  ToolAnswer quote(QuoteSigner.Asked call) {
    return answer(calls.quote(key.address(), call));
  }

  /** Quote, check the fee against the caps, sign both documents, submit and wait. */
  ToolAnswer execute(QuoteSigner.Asked call) {
    ApiAnswer quote = calls.quote(key.address(), call);
    if (!quote.ok()) {
      return new ToolAnswer.Failure("quote refused: " + quote.refusal(), map(quote.body()));
    }
    TokenAmount fee = fee(quote.body());
    SpendingCaps.Grant grant = caps.reserve(fee);
    if (grant instanceof SpendingCaps.Refused refused) {
      return new ToolAnswer.Failure(
          "not executed, nothing signed: the fee " + refused.reason(), spending());
    }
    ApiAnswer result =
        calls.submitAndWait(QuoteSigner.facilitateBody(quote.body(), call, key), wait);
    Map<String, Object> content = map(result.body());
    content.put("spending", spending());
    if (!result.ok()) {
      return new ToolAnswer.Failure("refused: " + result.refusal(), content);
    }
    if ("failed".equals(result.body().path("status").asText())) {
      return new ToolAnswer.Failure("the call failed: " + result.body().path("error"), content);
    }
    return new ToolAnswer.Result(content);
  }

  ToolAnswer status(String id) {
    if (!id.matches("[A-Za-z0-9_.:-]{1,128}")) {
      return new ToolAnswer.Failure("not a request id: " + id);
    }
    return answer(api.get("/x402/transactions/" + id));
  }

  ToolAnswer balance(Optional<Address> owner) {
    return answer(api.get("/balance/" + owner.orElse(key.address()).value()));
  }

  ToolAnswer fetch(PayingClient.Fetch fetch) {
    PayingClient.Outcome outcome = payer.fetch(fetch);
    if (outcome instanceof PayingClient.Refused refused) {
      return new ToolAnswer.Failure(refused.reason(), spending());
    }
    PayingClient.Fetched fetched = (PayingClient.Fetched) outcome;
    Map<String, Object> content = new LinkedHashMap<>(FetchReport.of(fetched));
    content.put("spending", spending());
    return fetched.ok()
        ? new ToolAnswer.Result(content)
        : new ToolAnswer.Failure("the resource answered HTTP " + fetched.status(), content);
  }

  ToolAnswer discover(Optional<String> type, int limit, int offset) {
    StringBuilder path = new StringBuilder("/x402/discovery/resources?limit=" + limit);
    path.append("&offset=").append(offset);
    type.ifPresent(t -> path.append("&type=").append(URLEncoder.encode(t, StandardCharsets.UTF_8)));
    return answer(api.get(path.toString()));
  }

  /** {@code spent}, {@code maxPerCall}, {@code maxTotal} of this session, in USDC. */
  Map<String, Object> spending() {
    Map<String, Object> spending = new LinkedHashMap<>();
    spending.put("spent", caps.spent().toDecimalString());
    spending.put("maxPerCall", caps.perCall().toDecimalString());
    caps.total().ifPresent(total -> spending.put("maxTotal", total.toDecimalString()));
    return spending;
  }

  /** The USDC the CroGas server pays fees in ({@code /health}'s {@code usdc.address}). */
  private static Address serverUsdc(ApiClient api) {
    ApiAnswer health = api.get("/health");
    String address = health.body().path("usdc").path("address").asText("");
    if (address.isEmpty()) {
      throw new CliFailure("the server's /health names no USDC: " + health.refusal());
    }
    return Address.parse(address);
  }

  private static TokenAmount fee(JsonNode quote) {
    if (quote.hasNonNull("amountAtomic")) {
      return TokenAmount.usdc(new BigInteger(quote.get("amountAtomic").asText()));
    }
    return TokenAmount.parseDecimal(quote.path("amount").asText(), TokenAmount.USDC_DECIMALS);
  }

  private static ToolAnswer answer(ApiAnswer answer) {
    return answer.ok()
        ? new ToolAnswer.Result(map(answer.body()))
        : new ToolAnswer.Failure("refused: " + answer.refusal(), map(answer.body()));
  }

  static Map<String, Object> map(JsonNode node) {
    if (!node.isObject()) {
      Map<String, Object> wrapped = new LinkedHashMap<>();
      wrapped.put("value", JSON.convertValue(node, Object.class));
      return wrapped;
    }
    return new LinkedHashMap<>(JSON.convertValue(node, MAP));
  }

  static List<String> headers(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }
}
