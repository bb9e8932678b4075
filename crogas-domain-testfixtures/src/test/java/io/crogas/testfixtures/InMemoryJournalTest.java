package io.crogas.testfixtures;

import io.crogas.domain.port.out.Journal;
import io.crogas.testfixtures.contracts.JournalContract;

class InMemoryJournalTest extends JournalContract {
  @Override
  protected Journal newJournal() {
    return new InMemoryJournal();
  }
}
