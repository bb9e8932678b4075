package io.crogas.testfixtures.contracts;

import static io.crogas.testfixtures.StoreSamples.ALICE;
import static io.crogas.testfixtures.StoreSamples.BOB;
import static io.crogas.testfixtures.StoreSamples.at;
import static io.crogas.testfixtures.StoreSamples.hash;
import static io.crogas.testfixtures.StoreSamples.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.port.out.QuoteBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuoteBook} must do. A store passes by extending this class and returning a
 * fresh, empty book from {@link #newQuoteBook()}.
 */
public abstract class QuoteBookContract {
  private QuoteBook book;

  /** A new, empty quote book. */
  protected abstract QuoteBook newQuoteBook();

  @BeforeEach
  void freshBook() {
    book = newQuoteBook();
  }

  @Test
  void givenNoQuoteForADigest_whenLookedUp_thenEmpty() {
    assertThat(book.latestFor(hash(1))).isEmpty();
  }

  @Test
  void givenASavedQuote_whenLookedUpByItsDigest_thenItComesBackEqual() {
    FeeQuote quote = quote("q-1", ALICE, 0, at(120));

    book.save(quote);

    assertThat(book.latestFor(quote.digest())).contains(quote);
  }

  @Test
  void givenSeveralQuotesForOneDigest_whenLookedUp_thenTheMostRecentlyIssued() {
    FeeQuote first = quote("q-1", ALICE, 0, at(120));
    FeeQuote second = quote("q-2", ALICE, 0, at(180));
    FeeQuote third = quote("q-3", ALICE, 0, at(240));

    book.save(first);
    book.save(second);
    book.save(third);

    assertThat(book.latestFor(first.digest())).contains(third);
  }

  @Test
  void givenQuotesForOtherDigests_whenLookedUp_thenEachDigestKeepsItsOwn() {
    FeeQuote alice = quote("q-1", ALICE, 0, at(120));
    FeeQuote bob = quote("q-2", BOB, 0, at(130));
    FeeQuote aliceNext = quote("q-3", ALICE, 1, at(140));

    book.save(alice);
    book.save(bob);
    book.save(aliceNext);

    assertThat(book.latestFor(alice.digest())).contains(alice);
    assertThat(book.latestFor(bob.digest())).contains(bob);
    assertThat(book.latestFor(aliceNext.digest())).contains(aliceNext);
  }
}
