package io.crogas.cli;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * Writes log lines to standard error through a buffer of its own, so that with {@code
 * immediateFlush} off a batch of lines costs one {@code write}; logback's console appender goes
 * through {@code System.err}, which flushes each line. Whoever hands it lines flushes after a
 * batch: in logback.xml the request lines' async appender, at the end of each batch it drains.
 * Whole lines are never split (a {@link BufferedOutputStream} writes out what it holds before a
 * line that does not fit), so lines from other appenders on standard error do not cut into them.
 */
public final class BufferedStderrAppender<E> extends OutputStreamAppender<E> {
  private static final int BUFFER_BYTES = 64 * 1024;

  @Override
  public void start() {
    setOutputStream(new BufferedOutputStream(new StandardError(), BUFFER_BYTES));
    super.start();
  }

  /** File descriptor 2, which stopping the appender flushes but never closes. */
  private static final class StandardError extends FileOutputStream {
    StandardError() {
      super(FileDescriptor.err);
    }

    @Override
    public void close() {
      // Other appenders, the JVM and child processes' output still use it.
    }
  }
}
