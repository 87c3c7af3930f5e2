/**
 * Change detection between runs (issue 16 item 3): what a target served in an earlier report against
 * what it serves now, and facts about the fleet as a whole. Pure: snapshots in, findings out; uses
 * {@code finding} and {@code report}'s JSON shape, no I/O.
 */
package org.certcheck.drift;
