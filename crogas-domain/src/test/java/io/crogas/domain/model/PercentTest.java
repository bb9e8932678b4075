package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentTest {

  @ParameterizedTest(name = "{2} {1} of {0}: ceiling {3}, floor {4}")
  @CsvSource({
    "0, 125, percent, 0, 0",
    "100, 125, percent, 125, 125",
    "101, 125, percent, 127, 126",
    "7, 110, percent, 8, 7",
    "3, 0, percent, 0, 0",
    "1000000007, 150, percent, 1500000011, 1500000010",
    "115792089237316195423570985008687907853269984665640564039457584007913129639935, 100,"
        + " percent,"
        + " 115792089237316195423570985008687907853269984665640564039457584007913129639935,"
        + " 115792089237316195423570985008687907853269984665640564039457584007913129639935",
    "0, 100, bps, 0, 0",
    "10000, 100, bps, 100, 100",
    "10001, 100, bps, 101, 100",
    "394660, 100, bps, 3947, 3946",
    "1, 1, bps, 1, 0",
    "5, 10000, bps, 5, 5"
  })
  void givenARateWhenAppliedThenTheRoundingIsTheOneNamed(
      String amount, int rate, String unit, String ceiling, String floor) {
    Percent percent = unit.equals("bps") ? Percent.basisPoints(rate) : Percent.percent(rate);

    assertThat(percent.of(new BigInteger(amount), RoundingMode.CEILING)).isEqualTo(ceiling);
    assertThat(percent.of(new BigInteger(amount), RoundingMode.FLOOR)).isEqualTo(floor);
  }

  @ParameterizedTest(name = "{0} with a {1}% margin: ceiling {2}, floor {3}")
  @CsvSource({
    "21000, 20, 25200, 25200",
    "21001, 20, 25202, 25201",
    "1, 10, 2, 1",
    "0, 10, 0, 0",
    "999, 0, 999, 999"
  })
  void givenAMarginWhenAppliedThenTheAmountGrowsByIt(
      String amount, int percent, String ceiling, String floor) {
    Percent margin = Percent.percent(percent).asMargin();

    assertThat(margin.of(new BigInteger(amount), RoundingMode.CEILING)).isEqualTo(ceiling);
    assertThat(margin.of(new BigInteger(amount), RoundingMode.FLOOR)).isEqualTo(floor);
  }

  @ParameterizedTest(name = "a charge of {0} at {1} bps: base {2} (floor)")
  @CsvSource({"10100, 100, 10000", "10101, 100, 10000", "10102, 100, 10001", "7, 0, 7", "0, 50, 0"})
  void givenAChargeWhenInvertedThenTheBaseBeforeTheFeeComesBack(
      String charge, int bps, String base) {
    Percent margin = Percent.basisPoints(bps).asMargin();

    assertThat(margin.inverseOf(new BigInteger(charge), RoundingMode.FLOOR)).isEqualTo(base);
  }

  @Test
  void givenTheFormulasItReplacedWhenComparedOverAGridThenEveryResultIsTheSame() {
    BigInteger hundred = BigInteger.valueOf(100);
    BigInteger bps = BigInteger.valueOf(10_000);
    for (int value = 0; value <= 2_000; value += 7) {
      BigInteger amount = BigInteger.valueOf(value).multiply(BigInteger.valueOf(1_000_003));
      for (int rate : new int[] {0, 1, 10, 20, 25, 99, 100, 125, 150, 1_000}) {
        BigInteger percent = BigInteger.valueOf(rate);
        assertThat(Percent.percent(rate).of(amount, RoundingMode.CEILING))
            .isEqualTo(ceilDiv(amount.multiply(percent), hundred));
        assertThat(Percent.percent(rate).asMargin().of(amount, RoundingMode.CEILING))
            .isEqualTo(ceilDiv(amount.multiply(hundred.add(percent)), hundred));
        assertThat(Percent.percent(rate).of(amount, RoundingMode.FLOOR))
            .isEqualTo(amount.multiply(percent).divide(hundred));
        assertThat(Percent.basisPoints(rate).of(amount, RoundingMode.CEILING))
            .isEqualTo(ceilDiv(amount.multiply(percent), bps));
        assertThat(Percent.basisPoints(rate).asMargin().inverseOf(amount, RoundingMode.FLOOR))
            .isEqualTo(amount.multiply(bps).divide(bps.add(percent)));
      }
    }
  }

  @Test
  void givenANegativeOrOverflowingPercentageWhenBuiltThenItIsRefused() {
    assertThatThrownBy(() -> Percent.basisPoints(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percent.percent(Integer.MAX_VALUE))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void givenZeroPercentWhenInvertedThenThereIsNoAnswer() {
    assertThatThrownBy(() -> Percent.percent(0).inverseOf(BigInteger.TEN, RoundingMode.FLOOR))
        .isInstanceOf(ArithmeticException.class);
  }

  private static BigInteger ceilDiv(BigInteger numerator, BigInteger denominator) {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }
}
