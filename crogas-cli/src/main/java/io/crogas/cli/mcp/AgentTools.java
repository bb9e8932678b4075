package io.crogas.cli.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.cli.client.ApiUnavailableException;
import io.crogas.cli.client.QuoteSigner;
import io.crogas.cli.x402.PayingClient;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tools {@code crogas mcp} offers, each with the JSON schema of its input: a bad argument, a
 * refusal (caps, server) or an unreachable server is a tool error whose text says why, never a
 * protocol error.
 */
final class AgentTools {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADDRESS = "{\"type\":\"string\",\"pattern\":\"^0x[0-9a-fA-F]{40}$\"";
  private static final String CALL =
      "\"target\":"
          + ADDRESS
          + ",\"description\":\"The contract to call.\"},"
          + "\"calldata\":{\"type\":\"string\",\"pattern\":\"^0x([0-9a-fA-F]{2})*$\","
          + "\"description\":\"ABI-encoded call data.\"},"
          + "\"gasLevel\":{\"type\":\"string\",\"enum\":[\"slow\",\"normal\",\"fast\"],"
          + "\"default\":\"normal\"}";

  private AgentTools() {}

  static List<SyncToolSpecification> all(AgentSession session, McpJsonMapper mapper) {
    return List.of(
        tool(
            mapper,
            "crogas_quote",
            "Quote a gasless call on Cronos: the USDC fee (gas + facilitator fee) the signer would"
                + " pay. Spends nothing.",
            object(CALL, "\"target\",\"calldata\""),
            args -> session.quote(call(args))),
        tool(
            mapper,
            "crogas_execute",
            "Execute a contract call on Cronos without CRO: quote, sign the meta-transaction and"
                + " the USDC fee authorization, submit, wait for the result. The fee counts"
                + " against this session's spending caps.",
            object(CALL, "\"target\",\"calldata\""),
            args -> session.execute(call(args))),
        tool(
            mapper,
            "crogas_status",
            "The state and history of a gasless request by its id.",
            object(
                "\"id\":{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9_.:-]{1,128}$\"}", "\"id\""),
            args -> session.status(text(args, "id").orElse(""))),
        tool(
            mapper,
            "crogas_balance",
            "USDC and CRO balances of an address (default: this session's signer).",
            object("\"address\":" + ADDRESS + "}", ""),
            args -> session.balance(text(args, "address").map(Address::parse))),
        tool(
            mapper,
            "x402_fetch",
            "Request an HTTP resource and pay its x402 price in USDC (exact scheme, EIP-3009) from"
                + " this session's key, within the spending caps. Returns the resource's body.",
            object(
                "\"url\":{\"type\":\"string\",\"format\":\"uri\"},"
                    + "\"method\":{\"type\":\"string\",\"default\":\"GET\"},"
                    + "\"body\":{\"type\":\"string\"},"
                    + "\"headers\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
                    + "\"description\":\"Extra headers, each \\\"Name: value\\\".\"}",
                "\"url\""),
            args -> session.fetch(fetch(args))),
        tool(
            mapper,
            "x402_discover",
            "List x402 resources this CroGas facilitator has settled payments for (the bazaar"
                + " discovery list): URL, price and what they take.",
            object(
                "\"type\":{\"type\":\"string\",\"description\":\"e.g. http\"},"
                    + "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":100,"
                    + "\"default\":20},"
                    + "\"offset\":{\"type\":\"integer\",\"minimum\":0,\"default\":0}",
                ""),
            args ->
                session.discover(
                    text(args, "type"),
                    number(args, "limit").orElse(20),
                    number(args, "offset").orElse(0))));
  }

  private static String object(String properties, String required) {
    return "{\"type\":\"object\",\"properties\":{"
        + properties
        + "},\"required\":["
        + required
        + "],\"additionalProperties\":false}";
  }

  private static SyncToolSpecification tool(
      McpJsonMapper mapper,
      String name,
      String description,
      String schema,
      Function<Map<String, Object>, ToolAnswer> handler) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(name)
            .description(description)
            .inputSchema(mapper, schema)
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (exchange, request) ->
                result(run(handler, request.arguments() == null ? Map.of() : request.arguments())))
        .build();
  }

  private static ToolAnswer run(
      Function<Map<String, Object>, ToolAnswer> handler, Map<String, Object> arguments) {
    try {
      return handler.apply(arguments);
    } catch (IllegalArgumentException e) {
      return new ToolAnswer.Failure("bad input: " + e.getMessage());
    } catch (ApiUnavailableException e) {
      return new ToolAnswer.Failure("unavailable: " + e.getMessage());
    } catch (RuntimeException e) {
      return new ToolAnswer.Failure("failed: " + e.getMessage());
    }
  }

  private static CallToolResult result(ToolAnswer answer) {
    if (answer instanceof ToolAnswer.Failure failure) {
      CallToolResult.Builder builder =
          CallToolResult.builder().addTextContent(failure.reason()).isError(true);
      if (!failure.content().isEmpty()) {
        builder.structuredContent(failure.content());
      }
      return builder.build();
    }
    Map<String, Object> content = ((ToolAnswer.Result) answer).content();
    return CallToolResult.builder()
        .structuredContent(content)
        .addTextContent(write(content))
        .isError(false)
        .build();
  }

  private static QuoteSigner.Asked call(Map<String, Object> args) {
    return new QuoteSigner.Asked(
        Address.parse(required(args, "target")),
        new Calldata(required(args, "calldata")),
        text(args, "gasLevel").orElse("normal").toLowerCase(Locale.ROOT));
  }

  private static PayingClient.Fetch fetch(Map<String, Object> args) {
    return new PayingClient.Fetch(
        text(args, "method").orElse("GET").toUpperCase(Locale.ROOT),
        URI.create(required(args, "url")),
        text(args, "body"),
        AgentSession.headers(args.get("headers")));
  }

  private static String required(Map<String, Object> args, String name) {
    return text(args, name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
  }

  private static Optional<String> text(Map<String, Object> args, String name) {
    Object value = args.get(name);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  private static Optional<Integer> number(Map<String, Object> args, String name) {
    Object value = args.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n && n.doubleValue() == n.intValue()) {
      return Optional.of(n.intValue());
    }
    throw new IllegalArgumentException(name + " must be an integer");
  }

  private static String write(Map<String, Object> content) {
    try {
      return JSON.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
