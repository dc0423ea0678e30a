/**
 * Seeded randomness: the pure mixing functions every decision of a run is derived from, and the
 * small deterministic sequence used for choices that are not about one message (partition shapes,
 * the nemesis, the stepper's pick). Fixed forever: changing them would change what every recorded
 * seed means.
 *
 * <p>Threads: none of its own. {@code Mixing} is stateless; a {@code SeededRandom} belongs to one
 * user, which guards it. Locks: none.
 */
package dev.procsim.core.internal.seed;
