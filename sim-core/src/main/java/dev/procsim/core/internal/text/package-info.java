/**
 * What a person reads: every failure text of a wait (bodies quoted by {@link
 * dev.procsim.core.Texts}), and the console echo of what components print; and what text can be
 * written at all ({@link dev.procsim.core.internal.text.Unicode}: no unpaired surrogates).
 *
 * <p>Threads: none of its own; the echo prints on whichever thread read the line (a {@code
 * PrintStream} prints each line whole). Locks: none beyond the print stream's own.
 */
package dev.procsim.core.internal.text;
