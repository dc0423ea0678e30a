package dev.procsim.check.internal;

import java.util.Arrays;

/**
 * The pairs (set of operations linearized, model state) a search has reached, so that it never
 * explores one twice: the cache that makes the Wing-Gong-Lowe search practical. Open addressing on
 * a hash of the set (kept up to date by the search, one random number per operation) and of the
 * state; the set itself is kept as a copy of its bit words, to compare on a hash collision.
 *
 * <pre>{@code
 * SeenStates<S> seen = new SeenStates<>();
 * boolean fresh = seen.add(setHash, words, state);  // false: been here, go back
 * }</pre>
 *
 * @param <S> the model's states
 */
final class SeenStates<S> {
  private long[] hashes = new long[1024];
  private long[][] sets = new long[1024][];
  private Object[] states = new Object[1024];
  private int size;

  /** Adds the pair unless it is there; true when it was not. */
  boolean add(long setHash, long[] words, S state) {
    long hash = mix(setHash ^ (state.hashCode() * 0x9e3779b97f4a7c15L));
    int mask = hashes.length - 1;
    int slot = (int) hash & mask;
    while (sets[slot] != null) {
      if (hashes[slot] == hash && Arrays.equals(sets[slot], words) && states[slot].equals(state)) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    sets[slot] = words.clone();
    states[slot] = state;
    if (++size * 2 > hashes.length) {
      grow();
    }
    return true;
  }

  /** How many pairs it holds. */
  int size() {
    return size;
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[][] oldSets = sets;
    Object[] oldStates = states;
    hashes = new long[oldHashes.length * 2];
    sets = new long[oldHashes.length * 2][];
    states = new Object[oldHashes.length * 2];
    int mask = hashes.length - 1;
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldSets[i] != null) {
        int slot = (int) oldHashes[i] & mask;
        while (sets[slot] != null) {
          slot = (slot + 1) & mask;
        }
        hashes[slot] = oldHashes[i];
        sets[slot] = oldSets[i];
        states[slot] = oldStates[i];
      }
    }
  }

  /** SplitMix64's finalizer: every bit of the input moves every bit of the output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
