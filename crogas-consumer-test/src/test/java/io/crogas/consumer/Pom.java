package io.crogas.consumer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The few things the test reads from a pom: its own elements, properties, managed entries. */
record Pom(Element project) {
  static Pom read(Path file) throws Exception {
    return new Pom(
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(file.toFile())
            .getDocumentElement());
  }

  /** The text of a direct child of {@code <project>}, e.g. {@code version}. */
  String text(String name) {
    return child(project, name).orElseThrow().getTextContent().strip();
  }

  Map<String, String> properties() {
    Map<String, String> properties = new HashMap<>();
    child(project, "properties")
        .ifPresent(
            element ->
                children(element)
                    .forEach(p -> properties.put(p.getTagName(), p.getTextContent().strip())));
    return properties;
  }

  /**
   * {@code groupId}, {@code artifactId}, {@code version}, {@code type} of each managed dependency.
   */
  List<Map<String, String>> managedDependencies() {
    return entries(path("dependencyManagement", "dependencies"));
  }

  /** {@code artifactId} and {@code version} of each plugin in {@code pluginManagement}. */
  List<Map<String, String>> managedPlugins() {
    return entries(path("build", "pluginManagement", "plugins"));
  }

  private Optional<Element> path(String... names) {
    Optional<Element> at = Optional.of(project);
    for (String name : names) {
      at = at.flatMap(element -> child(element, name));
    }
    return at;
  }

  private static List<Map<String, String>> entries(Optional<Element> list) {
    List<Map<String, String>> entries = new ArrayList<>();
    list.ifPresent(
        element ->
            children(element)
                .forEach(
                    entry -> {
                      Map<String, String> fields = new HashMap<>();
                      children(entry)
                          .forEach(f -> fields.put(f.getTagName(), f.getTextContent().strip()));
                      entries.add(fields);
                    }));
    return entries;
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }
}
