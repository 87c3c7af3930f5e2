/**
 * Reading the files a user names (CA bundles, CRLs, client keys, host lists, reports) with a size
 * limit, so that a wrong path ({@code /dev/urandom}, a disk image) ends in a message. Uses nothing
 * of certcheck's own; every other package may use it.
 */
package org.certcheck.files;
