package io.crogas.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs {@code args[0]} request lines as the HTTP edge does, then a warning, prints "logged" and
 * stays alive: {@link RequestLogTest} runs it with the shipped logback.xml and reads its standard
 * error while it idles, so lines held in a buffer until the JVM stops would be missed.
 */
public final class RequestLogProbe {
  private RequestLogProbe() {}

  public static void main(String[] args) throws InterruptedException {
    Logger requests = LoggerFactory.getLogger("io.crogas.http.requests");
    int count = Integer.parseInt(args[0]);
    for (int i = 0; i < count; i++) {
      MDC.put("requestId", "probe-" + i);
      requests.atInfo().setMessage("request").addKeyValue("status", 200).log();
      MDC.remove("requestId");
    }
    LoggerFactory.getLogger("io.crogas.cli").warn("probe done");
    System.out.println("logged");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
