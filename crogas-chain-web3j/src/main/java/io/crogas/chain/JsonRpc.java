package io.crogas.chain;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.eip712.Hex;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
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

  private final String url;
  private final Web3j web3j;

  private JsonRpc(String url, HttpService service) {
    this.url = url;
    this.web3j = Web3j.build(service);
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
    return new JsonRpc(url, new HttpService(url, client));
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
