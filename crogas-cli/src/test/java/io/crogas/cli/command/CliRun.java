package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import io.crogas.cli.CroGasCli;
import io.crogas.node.ServerLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in this JVM with a given environment, capturing both streams. */
public record CliRun(int code, String out, String err) {

  public static CliRun of(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var line = CroGasCli.commandLine(new CliContext(environment, ServerLauncher.DEFAULT));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  public static CliRun of(String... args) {
    return of(Map.of(), args);
  }
}
