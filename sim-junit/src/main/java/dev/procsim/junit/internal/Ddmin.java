package dev.procsim.junit.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Zeller's delta debugging (ddmin): the smallest list of units, within the time given, for which an
 * attempt still fails the same way. It tries halves, then complements, then finer pieces; an
 * attempt that fails gives back the units that are still there (a run may need fewer than it was
 * given), which become the list to shrink further. Used for a simulation's schedule of faults and
 * for a Maelstrom run's faults and operations.
 *
 * <pre>{@code
 * List<Fault> needed = Ddmin.minimize(faults, kept -> rerun(kept), () -> timeLeft());
 * }</pre>
 */
public final class Ddmin {
  /** One attempt with some of the units. */
  public interface Attempt<T> {
    /** When it failed the same way, the units it still had; empty otherwise. */
    Optional<List<T>> run(List<T> kept);
  }

  private Ddmin() {}

  /** The smallest failing list found from {@code units} (which fails) before time runs out. */
  public static <T> List<T> minimize(List<T> units, Attempt<T> attempt, BooleanSupplier timeLeft) {
    List<T> current = List.copyOf(units);
    int n = 2;
    while (current.size() >= 2 && timeLeft.getAsBoolean()) {
      List<List<T>> chunks = split(current, n);
      Optional<List<T>> smaller = Optional.empty();
      for (int i = 0; i < chunks.size() && smaller.isEmpty() && timeLeft.getAsBoolean(); i++) {
        smaller = attempt.run(chunks.get(i));
      }
      if (smaller.isPresent()) {
        n = 2;
      } else if (n > 2) {
        for (int i = 0; i < chunks.size() && smaller.isEmpty() && timeLeft.getAsBoolean(); i++) {
          smaller = attempt.run(without(current, chunks.get(i)));
        }
        if (smaller.isPresent()) {
          n = Math.max(n - 1, 2);
        }
      }
      if (smaller.isPresent()) {
        current = List.copyOf(smaller.get());
      } else if (n >= current.size()) {
        break;
      } else {
        n = Math.min(current.size(), 2 * n);
      }
    }
    return current;
  }

  private static <T> List<List<T>> split(List<T> units, int n) {
    List<List<T>> chunks = new ArrayList<>();
    int size = units.size();
    for (int i = 0; i < n; i++) {
      int from = i * size / n;
      int to = (i + 1) * size / n;
      if (from < to) {
        chunks.add(units.subList(from, to));
      }
    }
    return chunks;
  }

  private static <T> List<T> without(List<T> units, List<T> chunk) {
    Set<T> gone = new HashSet<>(chunk);
    return units.stream().filter(u -> !gone.contains(u)).toList();
  }
}
