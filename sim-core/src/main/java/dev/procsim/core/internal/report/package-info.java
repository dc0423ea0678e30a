/**
 * The report room: a run as one self-contained HTML file (its data as JSON in the page, drawn by
 * the page's own script on a canvas; {@link dev.procsim.core.internal.report.ReportWriter}), and
 * the log in ShiViz's format, with vector clocks ({@link
 * dev.procsim.core.internal.report.ShiVizLog}). It reads the log's entries after the fact; no
 * thread of its own, no lock but the log's, taken once to copy the entries.
 */
package dev.procsim.core.internal.report;
