package io.cfxtrace.model.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** the golden CFX fixtures under {@code src/test/resources/cfx/}. */
final class Fixtures {

  private Fixtures() {}

  static Path dir(String name) {
    URL url = Fixtures.class.getResource("/cfx/" + name);
    if (url == null) {
      throw new IllegalStateException("fixture directory cfx/" + name + " is missing from the test class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> json(String dirName) {
    try (Stream<Path> files = Files.list(dir(dirName))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** the message name a fixture file is named after: {@code CFX.Production.WorkStarted.v2.json}. */
  static String messageNameOf(Path file) {
    String name = file.getFileName().toString();
    name = name.substring(0, name.length() - ".json".length());
    String[] parts = name.split("\\.");
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (!b.isEmpty() && !Character.isUpperCase(p.charAt(0))) {
        break; // a variant suffix such as v2, reflow, v1_0
      }
      if (!b.isEmpty()) {
        b.append('.');
      }
      b.append(p);
    }
    return b.toString();
  }
}
