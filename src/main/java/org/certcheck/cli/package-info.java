/**
 * The command line: picocli commands and options, reading the user's files, printing, logging and the
 * exit code ({@link org.certcheck.cli.Main}, {@link org.certcheck.cli.ExitCode}). The only package that
 * reads options, prints to the terminal or exits; it may use every other package.
 */
package org.certcheck.cli;
