package io.crogas.cli;

/** A command could not do what was asked, for a reason its message tells the user (exit 1). */
public class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CliFailure(String message) {
    super(message);
  }

  public CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
