package io.crogas.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web pages (PRODUCT.md §7), served from the classpath folder {@code web/} with no build step
 * at run time: {@code /}, {@code /dashboard} and {@code /execute}, plus their scripts and styles at
 * their own paths.
 */
final class WebPages {
  private static final String FOLDER = "/web";
  private static final Map<String, String> PAGES =
      Map.of("/dashboard", "dashboard.html", "/execute", "execute.html");

  private WebPages() {}

  static void register(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = FOLDER;
          files.location = Location.CLASSPATH;
          // ES modules only run when served as JavaScript.
          files.mimeTypes.add("text/javascript", "js", "mjs");
        });
    PAGES.forEach((path, file) -> config.routes.get(path, ctx -> page(ctx, file)));
  }

  private static void page(Context ctx, String file) {
    try (InputStream html = WebPages.class.getResourceAsStream(FOLDER + "/" + file)) {
      if (html == null) {
        throw new IllegalStateException("page missing from the build: " + file);
      }
      ctx.contentType("text/html; charset=utf-8").result(html.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
