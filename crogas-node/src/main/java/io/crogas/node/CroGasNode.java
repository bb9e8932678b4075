package io.crogas.node;

import io.crogas.chain.JsonRpc;
import io.crogas.chain.KeystoreRelayerSigner;
import io.crogas.chain.TokenDomainReader;
import io.crogas.chain.Web3jBroadcaster;
import io.crogas.chain.Web3jChain;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.X402Network;
import io.crogas.domain.port.in.FindRelaysUseCase;
import io.crogas.domain.port.in.QuoteRelayUseCase;
import io.crogas.domain.port.in.SettlePaymentUseCase;
import io.crogas.domain.port.in.SubmitRelayUseCase;
import io.crogas.domain.port.in.VerifyPaymentUseCase;
import io.crogas.domain.port.out.ApiKeys;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.IdSource;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.domain.port.out.QuoteBook;
import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.domain.relay.SendChecks;
import io.crogas.domain.service.FacilitatorSettings;
import io.crogas.domain.service.FindRelaysService;
import io.crogas.domain.service.PaymentService;
import io.crogas.domain.service.QuoteRelayService;
import io.crogas.domain.service.RelaySettings;
import io.crogas.domain.service.RelayerBalanceWatch;
import io.crogas.domain.service.SubmitRelayService;
import io.crogas.domain.service.TrackRelayService;
import io.crogas.domain.service.WebhookDispatcher;
import io.crogas.domain.service.WebhookSettings;
import io.crogas.eip712.SignatureRecovery;
import io.crogas.engine.EngineSettings;
import io.crogas.engine.EngineThreads;
import io.crogas.engine.Leasing;
import io.crogas.engine.RelayerEngine;
import io.crogas.http.ApiSettings;
import io.crogas.http.TransactionDocuments;
import io.crogas.node.webhooks.DeliveryBodies;
import io.crogas.node.webhooks.HttpWebhookTransport;
import io.crogas.node.webhooks.WebhookSignature;
import io.crogas.node.webhooks.WebhookWorker;
import io.crogas.store.redis.RedisTokenBuckets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running CroGas relayer and x402 facilitator inside your JVM: the chain adapter, the store
 * (embedded, or a shared Redis), the relay engine and the use cases, wired by hand. In-flight work
 * from a previous run is recovered before {@link #start} returns.
 *
 * <pre>{@code
 * try (CroGasNode node = CroGasNode.start(config)) {
 *   QuoteOutcome quote = node.quotes().quote(command);
 * }
 * }</pre>
 */
public final class CroGasNode implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CroGasNode.class.getName());

  private final NodeConfig config;
  private final JsonRpc rpc;
  private final NodeStores stores;
  private final RelayerEngine engine;
  private final Chain chain;
  private final Journal journal;
  private final NonceLedger ledger;
  private final ApiKeys apiKeys;
  private final List<Address> relayers;
  private final TokenDomain usdc;
  private final ForwarderDomain forwarder;
  private final QuoteRelayService quotes;
  private final SubmitRelayService relay;
  private final PaymentService payments;
  private final FindRelaysService queries;
  private final SettlementStats stats;
  private final WebhookOutbox webhooks;
  private final Optional<WebhookWorker> webhookWorker;

  private CroGasNode(NodeConfig config, InstantSource clock, JsonRpc rpc, NodeStores stores) {
    ChainId chainId = config.network().chainId();
    this.config = config;
    this.rpc = rpc;
    this.stores = stores;
    KeystoreRelayerSigner signer = signer(config.relayerKeys(), clock);
    this.relayers = signer.addresses();
    this.chain = new Web3jChain(rpc, config.network(), config.forwarder(), signer);
    // Reading the token's domain also proves the node is on the configured chain: the
    // separator binds the chain id.
    this.usdc = new TokenDomainReader(rpc, chainId).read(config.usdc());
    this.forwarder = ForwarderDomain.of(chainId, config.forwarder());
    // Every setting is checked before anything starts a thread.
    RelaySettings relaySettings =
        new RelaySettings(
            forwarder,
            usdc,
            config.tiers(),
            config.fees(),
            config.targets(),
            config.forwarderOverheadGas(),
            config.maxGasPerRequest(),
            config.defaultDeadline(),
            config.deadlineMargin(),
            config.reverts());
    FacilitatorSettings facilitatorSettings =
        new FacilitatorSettings(
            new X402Network(chainId),
            Map.of(usdc.token(), usdc),
            config.payees(),
            config.settleWait(),
            6,
            config.minimumSettleValue());
    EngineSettings engineSettings =
        new EngineSettings(
            chainId,
            config.network().eip1559(),
            config.tiers(),
            "normal",
            config.fees().gasLimitMarginPercent(),
            config.pollInterval(),
            config.replaceAfter(),
            config.replacement(),
            3,
            // At send time a third of the admission margin must be left: time to be mined.
            new SendChecks(usdc.token(), config.deadlineMargin().dividedBy(3)),
            config.receiptGrace(),
            config.keyCheckInterval(),
            config.laneQueueLimit());
    this.journal = stores.journal();
    this.ledger = stores.nonceLedger();
    this.apiKeys = stores.apiKeys();
    QuoteBook quoteBook = stores.quoteBook();
    this.webhooks = stores.webhooks();
    this.webhookWorker =
        httpAdapterPresent() ? Optional.of(webhookWorker(config, clock)) : Optional.empty();
    this.stats = new SettlementStats(clock);
    TrackRelayService tracking =
        new TrackRelayService(
            journal,
            record -> {
              stats.finished(record);
              webhookWorker.ifPresent(WebhookWorker::wake);
            });
    this.engine =
        new RelayerEngine(
            engineSettings,
            relayers,
            chain,
            new Web3jBroadcaster(rpc),
            signer,
            ledger,
            journal,
            tracking,
            clock,
            EngineThreads.daemons(),
            // Leased even alone: a second process started on the same file by mistake is fenced.
            Optional.of(new Leasing(stores.keyLeases(), config.instanceId(), config.leaseTtl())));
    IdSource ids = new RandomIds();
    this.quotes =
        new QuoteRelayService(
            relaySettings, chain, config.prices(), quoteBook, journal, clock, ids);
    this.relay =
        new SubmitRelayService(
            relaySettings,
            config.prices(),
            quoteBook,
            chain,
            journal,
            engine,
            this::inRotation,
            clock,
            ids);
    this.payments = new PaymentService(facilitatorSettings, chain, journal, engine, clock, ids);
    this.queries = new FindRelaysService(journal, chain);
  }

  /**
   * Deliveries of the outbox to webhook receivers on the worker's own thread. Their bodies carry no
   * explorer link (the node does not know which explorer its API shows); the hash is there.
   */
  private WebhookWorker webhookWorker(NodeConfig config, InstantSource clock) {
    WebhookSettings settings = config.webhooks();
    ApiSettings documents =
        new ApiSettings(
            forwarder.chainId(),
            forwarder.forwarder(),
            usdc,
            relayers,
            Optional.empty(),
            config.settleWait(),
            config.fees().facilitatorFeeBps(),
            64 * 1024,
            List.of(),
            ApiSettings.Access.open(),
            ApiSettings.FaucetSettings.disabled());
    SecureRandom random = new SecureRandom();
    WebhookDispatcher dispatcher =
        new WebhookDispatcher(
            webhooks,
            new HttpWebhookTransport(settings.sendTimeout()),
            new DeliveryBodies(journal, new TransactionDocuments(documents)),
            new WebhookSignature(),
            settings,
            clock,
            random::nextDouble);
    RelayerBalanceWatch balances =
        new RelayerBalanceWatch(chain, relayers, settings.lowBalance(), webhooks, clock);
    return new WebhookWorker(
        dispatcher, balances, settings.pollInterval(), settings.balanceCheckInterval());
  }

  /**
   * Webhook bodies are the HTTP API's transaction documents, so deliveries need crogas-http-javalin
   * (an optional dependency): without it the node relays and delivers nothing.
   */
  private static boolean httpAdapterPresent() {
    try {
      Class.forName(
          "io.crogas.http.TransactionDocuments", false, CroGasNode.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private void warnIfWebhooksWait() {
    if (!webhooks.webhooks().isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "webhooks are registered but crogas-http-javalin is not on the class path: nothing is"
              + " delivered until it is");
    }
  }

  /** Connects, opens the store, recovers unfinished work and returns a node ready for requests. */
  public static CroGasNode start(NodeConfig config) {
    return start(config, InstantSource.system());
  }

  /** The same, on {@code clock} (quote expiry, deadlines, replacement timers, statistics). */
  public static CroGasNode start(NodeConfig config, InstantSource clock) {
    // Chooses (and logs) the signature recovery backend now, not on the first request.
    SignatureRecovery.active();
    JsonRpc rpc = JsonRpc.connect(config.rpcUrl(), config.rpcTimeout());
    NodeStores stores = null;
    CroGasNode node = null;
    try {
      stores = NodeStores.open(config.store(), clock);
      node = new CroGasNode(config, clock, rpc, stores);
      node.engine.recover();
      node.webhookWorker.ifPresentOrElse(WebhookWorker::start, node::warnIfWebhooksWait);
      return node;
    } catch (RuntimeException | Error e) {
      // Nothing half-started outlives a failed start: threads, the store file, the RPC client.
      if (node != null) {
        node.close();
      } else {
        if (stores != null) {
          stores.close();
        }
        rpc.close();
      }
      throw e;
    }
  }

  private static KeystoreRelayerSigner signer(RelayerKeys keys, InstantSource clock) {
    if (keys instanceof RelayerKeys.Keystores stores) {
      return KeystoreRelayerSigner.fromKeystores(stores.files(), stores.password(), clock);
    }
    return KeystoreRelayerSigner.fromPrivateKeys(((RelayerKeys.PrivateKeys) keys).hex(), clock);
  }

  /** The configuration this node was started with. */
  public NodeConfig config() {
    return config;
  }

  public QuoteRelayUseCase quotes() {
    return quotes;
  }

  public SubmitRelayUseCase relay() {
    return relay;
  }

  public VerifyPaymentUseCase verifier() {
    return payments;
  }

  public SettlePaymentUseCase settler() {
    return payments;
  }

  public FindRelaysUseCase history() {
    return queries;
  }

  /**
   * Token buckets shared through the store, when it is one several instances share (Redis): the
   * HTTP server's rate limits then hold across instances; empty for the embedded store.
   */
  Optional<RedisTokenBuckets> sharedBuckets() {
    return stores.sharedBuckets();
  }

  /** The chain as the node reads it (balances, nonces, fee market). */
  Chain chain() {
    return chain;
  }

  Journal journal() {
    return journal;
  }

  NonceLedger nonceLedger() {
    return ledger;
  }

  /**
   * The API keys of facilitator clients, in the node's store: an embedder issues and revokes them
   * here ({@code ApiKey.issue}), an operator with {@code crogas apikeys}; the HTTP server reads
   * them again every {@code apiKeyRefresh}.
   */
  public ApiKeys apiKeys() {
    return apiKeys;
  }

  public List<Address> relayers() {
    return relayers;
  }

  public TokenDomain usdc() {
    return usdc;
  }

  public ForwarderDomain forwarder() {
    return forwarder;
  }

  /** Jobs queued or in flight in the engine. */
  public int queueDepth() {
    return engine.queueDepth();
  }

  /** Jobs queued or in flight per relayer key. */
  public Map<Address, Integer> laneLoads() {
    return engine.laneLoads();
  }

  /** The registered webhooks and their deliveries. */
  public WebhookOutbox webhooks() {
    return webhooks;
  }

  /** The relayer keys that take new jobs: admission asks whether one of them can pay. */
  private List<Address> inRotation() {
    Map<Address, String> out = engine.outOfRotation();
    return relayers.stream().filter(relayer -> !out.containsKey(relayer)).toList();
  }

  /**
   * The relayer keys this instance holds the lease on and sends with now; instances sharing a store
   * share out the keys (docs/configuration.md, {@code CROGAS_INSTANCE_ID}).
   */
  public List<Address> heldKeys() {
    return engine.heldKeys();
  }

  /** Relayer keys that take no new jobs (empty, or not listed by the forwarder), and why. */
  public Map<Address, String> outOfRotation() {
    return engine.outOfRotation();
  }

  /** Totals of finished requests since start. */
  public SettlementStats stats() {
    return stats;
  }

  @Override
  public void close() {
    webhookWorker.ifPresent(WebhookWorker::close);
    engine.close();
    stores.close();
    rpc.close();
    if (config.prices() instanceof AutoCloseable feed) { // a market feed polls until closed
      try {
        feed.close();
      } catch (Exception e) {
        // nothing more to release
      }
    }
  }
}
