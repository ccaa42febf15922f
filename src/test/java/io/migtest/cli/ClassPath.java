package io.migtest.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** The test class path as files, also when Surefire hides it in a manifest-only jar. */
final class ClassPath {
  private ClassPath() {}

  static List<Path> entries() throws IOException {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(":")) {
      Path path = Path.of(entry);
      entries.add(path);
      if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        try (JarFile jar = new JarFile(path.toFile())) {
          var manifest = jar.getManifest();
          String classPath =
              manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
          if (classPath != null) {
            for (String url : classPath.trim().split("\\s+")) {
              entries.add(Path.of(URI.create(url)));
            }
          }
        }
      }
    }
    return entries.stream().filter(Files::exists).distinct().toList();
  }
}
