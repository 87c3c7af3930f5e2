/**
 * Building certificates, keys and CRLs with safe defaults and one knob per property (including
 * defects on purpose), and writing them as PEM: for the demo, the archive training run and the
 * tests. Uses only Bouncy Castle and the JDK.
 */
package org.certcheck.pki;
