package io.crogas.domain.fakes;

import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.JournalContract;

class InMemoryJournalTest extends JournalContract {
  @Override
  protected Journal newJournal() {
    return new InMemoryJournal();
  }
}
