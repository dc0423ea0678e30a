/**
 * The protocol room: implementations of the {@link dev.procsim.core.WireProtocol} SPI (the line
 * protocol, the acknowledgement marker added to any protocol) and the decoder that turns one
 * process component's stdout lines into what they mean and hands them to the network's router.
 * Encoding a delivery is done by the target's stdin writer (process room) with the target's
 * protocol.
 *
 * <p>Threads: none of its own. A component's decoder runs on that component's stdout pump thread;
 * protocols are called concurrently by every pump and writer and hold no state.
 *
 * <p>Locks: none of its own. The decoder calls the router, which takes the network's lock and then
 * the log's.
 */
package dev.procsim.core.internal.protocol;
