package io.crogas.consumer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * crogas-bom as published: the version it gives each {@code group:artifact} it lists (for an
 * imported BOM such as {@code org.slf4j:slf4j-bom}, the version imported), and its CroGas jars.
 */
record Bom(String version, Map<String, String> versions, List<String> crogasJars) {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  static Bom read(Path directory, String version) throws Exception {
    Pom pom = Pom.read(directory.resolve("crogas-bom-" + version + ".pom"));
    Map<String, String> properties = new HashMap<>(pom.properties());
    properties.put("project.version", pom.text("version"));
    Map<String, String> versions = new HashMap<>();
    List<String> crogasJars = new ArrayList<>();
    for (Map<String, String> dependency : pom.managedDependencies()) {
      String key = dependency.get("groupId") + ":" + dependency.get("artifactId");
      versions.put(key, resolve(dependency.get("version"), properties));
      if (dependency.get("groupId").equals("io.crogas") && !"pom".equals(dependency.get("type"))) {
        crogasJars.add(dependency.get("artifactId"));
      }
    }
    return new Bom(pom.text("version"), Map.copyOf(versions), List.copyOf(crogasJars));
  }

  private static String resolve(String value, Map<String, String> properties) {
    Matcher match = PROPERTY.matcher(value);
    return match.replaceAll(m -> Matcher.quoteReplacement(properties.get(m.group(1))));
  }
}
