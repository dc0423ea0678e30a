package dev.procsim.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real histories are: {@code ../shared/data/porcupine} from the repository's root (not in
 * it: that data is not the project's to copy). Absent in a user's clone; the tests that need it
 * then skip, saying so.
 *
 * <pre>{@code
 * Path porcupine = SharedData.porcupine().orElseThrow();
 * }</pre>
 */
final class SharedData {
  static final String ABSENT =
      "skipped: the Porcupine histories (../shared/data/porcupine) are not here";

  private SharedData() {}

  /** The folder of Porcupine's histories, when the repository has the shared data beside it. */
  static Optional<Path> porcupine() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".ci")) && Files.exists(dir.resolve("pom.xml"))) {
        Path data = dir.resolveSibling("shared").resolve("data").resolve("porcupine");
        return Files.isDirectory(data) ? Optional.of(data) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
