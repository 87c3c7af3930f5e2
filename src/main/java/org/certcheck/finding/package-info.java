/**
 * The finding vocabulary at the bottom of the house: codes, kinds, severities, profiles and the one
 * place a finding gets its severity ({@link org.certcheck.finding.Calibration}). Uses nothing of
 * certcheck's own; every package that judges or reports uses it.
 */
package org.certcheck.finding;
