package io.crogas.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.eip712.Hex;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * One JSON-RPC endpoint behind one shared web3j client with bounded timeouts. Every transport
 * failure (connection refused, timeout, HTTP error status, an unreadable answer) becomes a {@link
 * ChainUnavailableException}; JSON-RPC error objects are left to the caller, which knows whether
 * they are an answer (a revert) or a failure.
 */
public final class JsonRpc implements AutoCloseable {

  /**
   * Connections kept open for the next request. OkHttp's default of 5 is fewer than the request
   * threads that read the chain at once under load (x402 verify on every server thread), and each
   * request beyond it would open a connection and close it after one answer.
   */
  private static final int IDLE_CONNECTIONS = 64;

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final String url;
  private final Web3j web3j;
  private final OkHttpClient client;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();

  private JsonRpc(String url, OkHttpClient client) {
    this.url = url;
    this.client = client;
    this.web3j = Web3j.build(new HttpService(url, client));
  }

  /** Connects to {@code url}; {@code timeout} bounds each whole request, connection included. */
  public static JsonRpc connect(String url, Duration timeout) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .retryOnConnectionFailure(false)
            .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
            .build();
    return new JsonRpc(url, client);
  }

  public String url() {
    return url;
  }

  Web3j web3j() {
    return web3j;
  }

  /** Sends one request; transport failures become {@link ChainUnavailableException}. */
  <T extends Response<?>> T send(Request<?, T> request) {
    try {
      T response = request.send();
      if (response == null) {
        throw new ChainUnavailableException(request.getMethod() + " got no answer from " + url);
      }
      return response;
    } catch (IOException | ClientConnectionException e) {
      throw unavailable(request.getMethod(), e);
    }
  }

  /** Sends one request whose JSON-RPC error can only mean the node is unwell. */
  <T extends Response<?>> T sendOrFail(Request<?, T> request) {
    T response = send(request);
    if (response.hasError()) {
      throw new ChainUnavailableException(
          request.getMethod() + " failed at " + url + ": " + response.getError().getMessage());
    }
    return response;
  }

  /**
   * {@code eth_call} of a view at the latest block; a revert here means a misconfigured contract.
   */
  byte[] call(Address to, byte[] data) {
    return result(sendOrFail(callRequest(to, data)));
  }

  /** Several view calls in one JSON-RPC batch (one round trip), answers in the order asked. */
  List<byte[]> callAll(Address to, List<byte[]> calls) {
    List<byte[]> results = new ArrayList<>();
    for (EthCall answer : batch(calls.stream().map(data -> callRequest(to, data)).toList())) {
      results.add(view(answer, to));
    }
    return results;
  }

  /**
   * {@code eth_call} requests in one JSON-RPC batch (one round trip), answers in the order asked;
   * JSON-RPC errors are left in them for the caller (a revert is an answer).
   */
  List<EthCall> batch(List<? extends Request<?, EthCall>> calls) {
    List<EthCall> results = new ArrayList<>();
    for (Response<?> answer : batchAny(calls)) {
      if (!(answer instanceof EthCall call)) {
        throw new ChainUnavailableException("eth_call batch to " + url + ": unexpected answer");
      }
      results.add(call);
    }
    return results;
  }

  /**
   * Requests of any methods in one JSON-RPC batch (one round trip), answers in the order asked, of
   * each request's response type; JSON-RPC errors are left in them for the caller.
   */
  List<Response<?>> batchAny(List<? extends Request<?, ? extends Response<?>>> requests) {
    BatchRequest batch = web3j.newBatch();
    requests.forEach(batch::add);
    BatchResponse answers;
    try {
      answers = batch.send();
    } catch (IOException | ClientConnectionException e) {
      throw unavailable("JSON-RPC batch", e);
    }
    if (answers.getResponses().size() != requests.size()) {
      throw new ChainUnavailableException("JSON-RPC batch to " + url + " answered partially");
    }
    return List.copyOf(answers.getResponses());
  }

  /**
   * {@code eth_call}s at the latest block in one JSON-RPC batch, as {@link #batch} answers them
   * (JSON-RPC errors left in for the caller, an error's {@code data} as its JSON text, like
   * web3j's) but written and read here, without web3j's request and response objects: x402 verify
   * sends one of these per payment it has not read in the current block (docs/benchmarks.md).
   */
  List<EthCall> callBatch(List<RawCall> calls) {
    long first = ids.getAndAdd(calls.size());
    StringBuilder body = new StringBuilder(160 * calls.size()).append('[');
    for (int i = 0; i < calls.size(); i++) {
      RawCall call = calls.get(i);
      body.append(i == 0 ? "" : ",")
          .append("{\"jsonrpc\":\"2.0\",\"method\":\"eth_call\",\"params\":[{");
      if (call.from() != null) {
        body.append("\"from\":\"").append(call.from().value()).append("\",");
      }
      body.append("\"to\":\"")
          .append(call.to().value())
          .append("\",\"data\":\"")
          .append(Hex.encode(call.data()))
          .append("\"},\"latest\"],\"id\":")
          .append(first + i)
          .append('}');
    }
    JsonNode answers = post("eth_call batch", body.append(']').toString());
    if (!answers.isArray() || answers.size() != calls.size()) {
      throw new ChainUnavailableException("JSON-RPC batch to " + url + " answered partially");
    }
    EthCall[] ordered = new EthCall[calls.size()];
    for (JsonNode answer : answers) {
      long index = answer.path("id").asLong(-1) - first;
      if (index < 0 || index >= ordered.length || ordered[(int) index] != null) {
        throw new ChainUnavailableException("eth_call batch to " + url + ": unexpected answer");
      }
      ordered[(int) index] = ethCall(answer);
    }
    return List.of(ordered);
  }

  /** Verify's head read, {@code eth_blockNumber}, written and read like {@link #callBatch}. */
  long blockNumber() {
    String body =
        "{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\",\"params\":[],\"id\":"
            + ids.getAndIncrement()
            + "}";
    JsonNode answer = post("eth_blockNumber", body);
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      throw new ChainUnavailableException(
          "eth_blockNumber failed at " + url + ": " + error.path("message").asText());
    }
    JsonNode result = answer.get("result");
    if (result == null || !result.isTextual()) {
      throw new ChainUnavailableException("eth_blockNumber to " + url + ": unexpected answer");
    }
    try {
      return Numeric.decodeQuantity(result.asText()).longValueExact();
    } catch (RuntimeException e) {
      throw new ChainUnavailableException("eth_blockNumber to " + url + ": unexpected answer", e);
    }
  }

  /** One HTTP POST of a JSON-RPC body; transport failures and non-JSON answers mean unavailable. */
  private JsonNode post(String what, String body) {
    okhttp3.Request request =
        new okhttp3.Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
    try (okhttp3.Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new ChainUnavailableException(
            what + " to " + url + " failed: HTTP " + response.code());
      }
      return json.readTree(response.body().byteStream());
    } catch (IOException e) {
      throw unavailable(what, e);
    }
  }

  /** An {@code eth_call} answer as web3j maps it: the result, or the error with its data's JSON. */
  private static EthCall ethCall(JsonNode answer) {
    EthCall call = new EthCall();
    JsonNode result = answer.get("result");
    if (result != null && result.isTextual()) {
      call.setResult(result.asText());
    }
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      Response.Error failure =
          new Response.Error(error.path("code").asInt(), error.path("message").asText(null));
      JsonNode data = error.get("data");
      if (data != null && !data.isNull()) {
        failure.setData(data.toString());
      }
      call.setError(failure);
    }
    return call;
  }

  /** An {@code eth_call} for {@link #callBatch}: from {@code from} (or no one, when null). */
  record RawCall(Address from, Address to, byte[] data) {}

  /** An answer of {@link #batchAny} whose JSON-RPC error can only mean the node is unwell. */
  <T extends Response<?>> T orFail(Response<?> answer, Class<T> type, String method) {
    if (!type.isInstance(answer)) {
      throw new ChainUnavailableException(method + " in a batch to " + url + ": unexpected answer");
    }
    if (answer.hasError()) {
      throw new ChainUnavailableException(
          method + " failed at " + url + ": " + answer.getError().getMessage());
    }
    return type.cast(answer);
  }

  /** The result of a view call; an error here means a misconfigured contract or an unwell node. */
  byte[] view(EthCall answer, Address to) {
    if (answer.hasError()) {
      throw new ChainUnavailableException(
          "eth_call to " + to + " failed at " + url + ": " + answer.getError().getMessage());
    }
    return result(answer);
  }

  Request<?, EthCall> callRequest(Address to, byte[] data) {
    return web3j.ethCall(
        Transaction.createEthCallTransaction(null, to.value(), Hex.encode(data)),
        DefaultBlockParameterName.LATEST);
  }

  private static byte[] result(EthCall call) {
    String value = call.getValue();
    if (value == null) {
      throw new ChainUnavailableException("eth_call answered without a result");
    }
    return Hex.decode(value, Hex.Prefix.OPTIONAL);
  }

  private ChainUnavailableException unavailable(String method, Exception cause) {
    return new ChainUnavailableException(
        method + " to " + url + " failed: " + cause.getMessage(), cause);
  }

  /** Stops web3j's executor and the HTTP client's connections. */
  @Override
  public void close() {
    web3j.shutdown();
  }
}
