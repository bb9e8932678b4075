package io.crogas.chain;

import io.crogas.domain.CroGasException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.RelayerAccounts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetBalance;

/**
 * The {@link Chain} port over JSON-RPC. Reads go to the latest block; simulations run the exact
 * transaction a relayer would send, from a relayer account (the forwarder accepts no one else).
 */
public final class Web3jChain implements Chain {
  private final JsonRpc rpc;
  private final Address forwarder;
  private final RelayerAccounts relayers;
  private final FeeMarketReader fees;
  private final CallSimulator simulator;

  /** An adapter whose revert reasons know the CroGas contracts' errors. */
  public Web3jChain(
      JsonRpc rpc, NetworkProfile profile, Address forwarder, RelayerAccounts relayers) {
    this(rpc, profile, forwarder, relayers, RevertDecoder.forCroGasContracts());
  }

  public Web3jChain(
      JsonRpc rpc,
      NetworkProfile profile,
      Address forwarder,
      RelayerAccounts relayers,
      RevertDecoder revert) {
    this.rpc = rpc;
    this.forwarder = forwarder;
    this.relayers = relayers;
    this.fees = new FeeMarketReader(rpc, profile);
    this.simulator = new CallSimulator(rpc, revert);
  }

  @Override
  public BigInteger forwarderNonce(Address user) {
    return AbiCodec.uint(rpc.call(forwarder, ForwarderCalls.nonces(user)));
  }

  @Override
  public BigInteger tokenBalance(Address token, Address owner) {
    return AbiCodec.uint(rpc.call(token, TokenCalls.balanceOf(owner)));
  }

  @Override
  public boolean authorizationUsed(Address token, Address authorizer, Hash32 nonce) {
    return AbiCodec.bool(rpc.call(token, TokenCalls.authorizationState(authorizer, nonce)));
  }

  @Override
  public boolean isRelayer(Address account) {
    return AbiCodec.bool(rpc.call(forwarder, ForwarderCalls.isRelayer(account)));
  }

  @Override
  public Wei nativeBalance(Address account) {
    return new Wei(
        rpc.sendOrFail(rpc.web3j().ethGetBalance(account.value(), DefaultBlockParameterName.LATEST))
            .getBalance());
  }

  @Override
  public long blockNumber() {
    return rpc.blockNumber();
  }

  @Override
  public FeeMarket feeMarket() {
    return fees.read();
  }

  @Override
  public Simulation simulateCall(Address from, Address to, Calldata data) {
    return simulator.simulate(from, to, data.bytes());
  }

  @Override
  public Simulation simulate(RelayJob job) {
    RelayCall call = RelayCall.of(job);
    return simulator.simulate(relayer(), call.to(), call.data());
  }

  @Override
  public PaymentState paymentState(RelayJob.TokenTransfer transfer) {
    TransferAuthorization authorization = transfer.transfer().authorization();
    Address token = transfer.token().token();
    RelayCall run = RelayCall.of(transfer);
    List<EthCall> answers =
        rpc.callBatch(
            List.of(
                new JsonRpc.RawCall(
                    null,
                    token,
                    TokenCalls.authorizationState(authorization.from(), authorization.nonce())),
                new JsonRpc.RawCall(null, token, TokenCalls.balanceOf(authorization.from())),
                new JsonRpc.RawCall(relayer(), run.to(), run.data())));
    return new PaymentState(
        AbiCodec.bool(rpc.view(answers.get(0), token)),
        AbiCodec.uint(rpc.view(answers.get(1), token)),
        simulator.reverts(answers.get(2)));
  }

  /** One JSON-RPC batch: the two views, the fee market's reads and the relayer's balance. */
  @Override
  public SendState sendState(
      Address token, Address payer, Hash32 authorizationNonce, Address relayer) {
    List<Request<?, ? extends Response<?>>> requests = new ArrayList<>();
    requests.add(rpc.callRequest(token, TokenCalls.authorizationState(payer, authorizationNonce)));
    requests.add(rpc.callRequest(token, TokenCalls.balanceOf(payer)));
    requests.add(rpc.web3j().ethGetBalance(relayer.value(), DefaultBlockParameterName.LATEST));
    requests.addAll(fees.requests());
    List<Response<?>> answers = rpc.batchAny(requests);
    return new SendState(
        AbiCodec.bool(rpc.view(rpc.orFail(answers.get(0), EthCall.class, "eth_call"), token)),
        AbiCodec.uint(rpc.view(rpc.orFail(answers.get(1), EthCall.class, "eth_call"), token)),
        fees.read(answers.subList(3, answers.size())),
        new Wei(rpc.orFail(answers.get(2), EthGetBalance.class, "eth_getBalance").getBalance()));
  }

  @Override
  public Simulation simulate(RelayJob job, Address relayer, Wei gasPrice) {
    RelayCall call = RelayCall.of(job);
    return simulator.simulate(relayer, call.to(), call.data(), Optional.of(gasPrice));
  }

  private Address relayer() {
    List<Address> accounts = relayers.addresses();
    if (accounts.isEmpty()) {
      throw new CroGasException("no relayer account is configured to simulate from");
    }
    return accounts.get(0);
  }
}
