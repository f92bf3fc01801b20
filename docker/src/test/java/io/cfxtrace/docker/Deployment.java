package io.cfxtrace.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** the deployment files of this repository, found from the module directory Maven runs in. */
final class Deployment {

  /** the repository root. */
  static final Path REPOSITORY = findRepository();
  /** the directory of the compose file. */
  static final Path DIRECTORY = REPOSITORY.resolve("docker");

  private Deployment() {}

  private static Path findRepository() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docker/compose.yaml")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no docker/compose.yaml above " + dir);
  }

  /** docker/compose.yaml. */
  static ComposeFile compose() {
    return ComposeFile.load(DIRECTORY.resolve("compose.yaml"), "docker/compose.yaml");
  }

  /** docker/Dockerfile. */
  static DockerfileModel dockerfile() {
    return DockerfileModel.load(DIRECTORY.resolve("Dockerfile"), "docker/Dockerfile");
  }

  /** the variables of docker/demo.env: the values compose sees in the demo. */
  static Map<String, String> demoVariables() {
    return DeploymentChecks.envFile(DIRECTORY.resolve("demo.env"));
  }
}
