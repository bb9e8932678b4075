package io.crogas.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.cli.keys.PasswordSource;
import io.crogas.domain.model.Address;
import io.crogas.http.ApiSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ServeSettingsTest {
  static final String FORWARDER = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
  static final String USDC = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  @TempDir Path dir;

  public static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("CROGAS_RPC_URL", "http://127.0.0.1:8545");
    env.put("CROGAS_CHAIN_ID", "338");
    env.put("CROGAS_FORWARDER", FORWARDER);
    env.put("CROGAS_USDC", USDC);
    env.put("CROGAS_KEYSTORES", "/keys/a.json, /keys/b.json");
    env.put("CROGAS_KEYSTORE_PASSWORD_ENV", "RELAYER_PW");
    env.put("CROGAS_PRICE_USD", "0.09");
    return env;
  }

  @Test
  void givenTheRequiredVariables_whenRead_thenDefaultsFillTheRest() {
    ServeSettings settings = ServeSettings.read(SettingsSource.of(minimal(), Optional.empty()));

    assertThat(settings.keystores())
        .containsExactly(Path.of("/keys/a.json"), Path.of("/keys/b.json"));
    assertThat(settings.password()).isEqualTo(new PasswordSource.Environment("RELAYER_PW"));
    assertThat(settings.prices()).isEqualTo(new PriceSettings.Fixed(new BigDecimal("0.09")));
    assertThat(settings.port()).isEqualTo(8402);
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.feeBps()).isEqualTo(100);
    assertThat(settings.tiers().find("fast").orElseThrow().feeCapPercent()).isEqualTo(150);
    assertThat(settings.quoteTtl()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void givenTheX402Minimum_whenReadOrOmitted_thenItReachesTheNodeAndANegativeOneIsRefused() {
    Map<String, String> env = minimal();
    env.put("CROGAS_MINIMUM_SETTLE_USDC", "0.05");

    assertThat(ServeSettings.read(SettingsSource.of(env, Optional.empty())).minimumSettleUsdc())
        .isEqualByComparingTo("0.05");
    assertThat(
            ServeSettings.read(SettingsSource.of(minimal(), Optional.empty())).minimumSettleUsdc())
        .isEqualByComparingTo("0.001");
    env.put("RELAYER_PW", "pw");
    assertThat(
            ServeSettings.read(SettingsSource.of(env, Optional.empty()))
                .nodeConfig(env, java.time.InstantSource.system())
                .minimumSettleValue())
        .isEqualByComparingTo("0.05");
    env.put("CROGAS_MINIMUM_SETTLE_USDC", "-1");
    assertThatThrownBy(() -> ServeSettings.read(SettingsSource.of(env, Optional.empty())))
        .hasMessageContaining("CROGAS_MINIMUM_SETTLE_USDC");
  }

  @Test
  void givenASettleInFlightLimit_whenReadOrOmitted_thenItReachesTheNodeAndZeroIsRefused() {
    Map<String, String> env = minimal();
    env.put("CROGAS_SETTLE_IN_FLIGHT_LIMIT", "250");
    env.put("RELAYER_PW", "pw");

    assertThat(
            ServeSettings.read(SettingsSource.of(env, Optional.empty()))
                .nodeConfig(env, java.time.InstantSource.system())
                .settleInFlightLimit())
        .isEqualTo(250);
    assertThat(
            ServeSettings.read(SettingsSource.of(minimal(), Optional.empty()))
                .settleInFlightLimit())
        .isEqualTo(1_000);
    env.put("CROGAS_SETTLE_IN_FLIGHT_LIMIT", "0");
    assertThatThrownBy(() -> ServeSettings.read(SettingsSource.of(env, Optional.empty())))
        .hasMessageContaining("CROGAS_SETTLE_IN_FLIGHT_LIMIT");
  }

  @Test
  void givenAMetricsToken_whenReadOrOmitted_thenItIsKeptOrAbsent() {
    Map<String, String> env = minimal();
    env.put("CROGAS_METRICS_TOKEN", "scrape-me");

    assertThat(ServeSettings.read(SettingsSource.of(env, Optional.empty())).metricsToken())
        .contains("scrape-me");
    assertThat(ServeSettings.read(SettingsSource.of(minimal(), Optional.empty())).metricsToken())
        .isEmpty();
  }

  @Test
  void givenNoAccessSettings_whenRead_thenAnonymousOffAndTheDefaultLimits() {
    ApiSettings.Access access =
        ServeSettings.read(SettingsSource.of(minimal(), Optional.empty())).access();

    assertThat(access.anonymous()).isEqualTo(ApiSettings.Anonymous.OFF);
    assertThat(access.limits()).isEqualTo(ApiSettings.RateLimits.defaults());
    assertThat(access.trustedProxies().ranges()).isEmpty();
    assertThat(access.apiKeyRefresh()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void givenEveryAccessSetting_whenRead_thenEachReachesTheServer() {
    Map<String, String> env = minimal();
    env.put("CROGAS_ANONYMOUS", "relay");
    env.put("CROGAS_API_KEY_PER_MINUTE", "20000");
    env.put("CROGAS_API_KEY_REFRESH_SECONDS", "7");
    env.put("CROGAS_IP_PER_MINUTE", "120");
    env.put("CROGAS_ADDRESS_PER_MINUTE", "30");
    env.put("CROGAS_TRUSTED_PROXIES", "10.0.0.0/8, ::1");

    ApiSettings.Access access =
        ServeSettings.read(SettingsSource.of(env, Optional.empty())).access();

    assertThat(access.anonymous()).isEqualTo(ApiSettings.Anonymous.RELAY);
    assertThat(access.limits().perApiKey()).isEqualTo(ApiSettings.RateLimit.perMinute(20_000));
    assertThat(access.apiKeyRefresh()).isEqualTo(Duration.ofSeconds(7));
    assertThat(access.limits().perIp()).isEqualTo(ApiSettings.RateLimit.perMinute(120));
    assertThat(access.limits().perAddress()).isEqualTo(ApiSettings.RateLimit.perMinute(30));
    assertThat(access.trustedProxies().ranges())
        .extracting(Object::toString)
        .containsExactly("10.0.0.0/8", "0:0:0:0:0:0:0:1/128");
  }

  @Test
  void givenNonsenseAccessSettings_whenRead_thenEachIsNamed() {
    Map<String, String> env = minimal();
    env.put("CROGAS_ANONYMOUS", "yes");
    env.put("CROGAS_API_KEY_PER_MINUTE", "0");
    env.put("CROGAS_API_KEY_REFRESH_SECONDS", "301");
    env.put("CROGAS_IP_PER_MINUTE", "many");
    env.put("CROGAS_ADDRESS_PER_MINUTE", "-1");
    env.put("CROGAS_TRUSTED_PROXIES", "proxy.internal");

    assertThatThrownBy(() -> ServeSettings.read(SettingsSource.of(env, Optional.empty())))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContainingAll(
            "CROGAS_ANONYMOUS (crogas.anonymous): expected off, relay or on, got yes",
            "CROGAS_API_KEY_PER_MINUTE (crogas.api.key.per.minute): must be within 1..1000000",
            "CROGAS_API_KEY_REFRESH_SECONDS (crogas.api.key.refresh.seconds): must be within 1..300",
            "CROGAS_IP_PER_MINUTE (crogas.ip.per.minute): expected an integer",
            "CROGAS_ADDRESS_PER_MINUTE (crogas.address.per.minute): must be within",
            "CROGAS_TRUSTED_PROXIES (crogas.trusted.proxies): not an IP address or CIDR range:"
                + " proxy.internal");
  }

  @Test
  void givenCorsOrigins_whenRead_thenOriginsAreKeptAndAPathIsRefused() {
    Map<String, String> env = minimal();
    env.put("CROGAS_CORS_ORIGINS", "https://app.example, http://localhost:3000");

    assertThat(ServeSettings.read(SettingsSource.of(env, Optional.empty())).corsOrigins())
        .containsExactly("https://app.example", "http://localhost:3000");
    assertThat(ServeSettings.read(SettingsSource.of(minimal(), Optional.empty())).corsOrigins())
        .isEmpty();
    env.put("CROGAS_CORS_ORIGINS", "https://app.example/page");
    assertThatThrownBy(() -> ServeSettings.read(SettingsSource.of(env, Optional.empty())))
        .hasMessageContaining("CROGAS_CORS_ORIGINS");
  }

  @Test
  void givenAConfigFileAndTheEnvironment_whenRead_thenTheEnvironmentWins() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("crogas.properties"),
            "crogas.port=9000\ncrogas.fee.bps=50\ncrogas.tiers=normal:130:100:1,rush:200:300:5\n"
                + "crogas.deny.targets="
                + USDC.toLowerCase()
                + "\n");
    Map<String, String> env = minimal();
    env.put("CROGAS_PORT", "9100");

    ServeSettings settings = ServeSettings.read(SettingsSource.of(env, Optional.of(file)));

    assertThat(settings.port()).isEqualTo(9100);
    assertThat(settings.feeBps()).isEqualTo(50);
    assertThat(settings.tiers().find("rush").orElseThrow().queuePriority()).isEqualTo(5);
    assertThat(settings.denyTargets()).containsExactly(Address.parse(USDC));
  }

  @Test
  void givenMissingAndMalformedSettings_whenRead_thenEveryProblemIsNamedByItsVariable() {
    Map<String, String> env = minimal();
    env.remove("CROGAS_RPC_URL");
    env.put("CROGAS_CHAIN_ID", "three");
    env.put("CROGAS_KEYSTORE_PASSWORD_FILE", "/pw");
    env.put("CROGAS_TIERS", "slow:110:100:0");
    env.put("CROGAS_FEE_BPS", "20000");
    env.put("CROGAS_ALLOW_TARGETS", "0x1234");

    assertThatThrownBy(() -> ServeSettings.read(SettingsSource.of(env, Optional.empty())))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContainingAll(
            "CROGAS_RPC_URL (crogas.rpc.url) is required",
            "CROGAS_CHAIN_ID (crogas.chain.id): expected an integer",
            "exactly one of CROGAS_KEYSTORE_PASSWORD_FILE",
            "CROGAS_TIERS (crogas.tiers): a tier named normal is required",
            "CROGAS_FEE_BPS (crogas.fee.bps): must be within 0..10000",
            "CROGAS_ALLOW_TARGETS (crogas.allow.targets)");
  }

  @Test
  void givenATypoInTheConfigFile_whenRead_thenTheKeyIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("c.properties"), "crogas.rpc.uri=http://x\n");

    assertThatThrownBy(() -> SettingsSource.of(Map.of(), Optional.of(file)))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("unknown setting crogas.rpc.uri");
  }

  @Test
  void givenEverySetting_whenNamed_thenTheVariableAndThePropertyCorrespond() {
    assertThat(List.of(Setting.values()))
        .allSatisfy(
            s -> assertThat(s.property()).isEqualTo(s.variable().toLowerCase().replace('_', '.')));
    assertThat(Setting.KEYSTORE_PASSWORD_FILE.property())
        .isEqualTo("crogas.keystore.password.file");
  }

  @Test
  void givenWebhookSettings_whenRead_thenTheRetriesAndTheLowMarkFollowThemAndNonsenseIsNamed() {
    Map<String, String> env = minimal();
    env.put("CROGAS_LOW_BALANCE_CRO", "2.5");
    env.put("CROGAS_WEBHOOK_RETRY_BASE_SECONDS", "2");
    env.put("CROGAS_WEBHOOK_RETRY_MAX_SECONDS", "600");
    env.put("CROGAS_WEBHOOK_MAX_ATTEMPTS", "20");
    Map<String, String> bad = minimal();
    bad.put("CROGAS_LOW_BALANCE_CRO", "0.0000000000000000001");
    bad.put("CROGAS_WEBHOOK_RETRY_BASE_SECONDS", "60");
    bad.put("CROGAS_WEBHOOK_RETRY_MAX_SECONDS", "30");

    var webhooks = ServeSettings.read(SettingsSource.of(env, Optional.empty())).webhooks();
    var defaults = ServeSettings.read(SettingsSource.of(minimal(), Optional.empty())).webhooks();

    assertThat(webhooks.lowBalance().value())
        .isEqualTo(new BigDecimal("2.5").movePointRight(18).toBigIntegerExact());
    assertThat(webhooks.retries().base()).isEqualTo(Duration.ofSeconds(2));
    assertThat(webhooks.retries().cap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(webhooks.retries().maxAttempts()).isEqualTo(20);
    assertThat(defaults).isEqualTo(io.crogas.domain.service.WebhookSettings.defaults());
    assertThatThrownBy(() -> ServeSettings.read(SettingsSource.of(bad, Optional.empty())))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("CROGAS_LOW_BALANCE_CRO")
        .hasMessageContaining(
            "CROGAS_WEBHOOK_RETRY_MAX_SECONDS (crogas.webhook.retry.max.seconds) must be at least");
  }
}
