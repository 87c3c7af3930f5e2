import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Resolves each distinct name read from stdin (one a line) once, one after another, and prints
 * "NAMES MILLISECONDS". bench/fleet.sh runs it with the bench's {@code -Djdk.net.hosts.file} to
 * show what name resolution alone costs there: the JDK's hosts-file resolver scans the whole file
 * for every name, so this cost grows with names x lines and is an artefact of the bench, not of
 * certcheck (real DNS costs something else).
 */
public final class ResolveNames {
  public static void main(String[] args) throws Exception {
    Set<String> names = new LinkedHashSet<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) names.add(line.strip());
      }
    }
    long start = System.nanoTime();
    for (String name : names) {
      try {
        InetAddress.getAllByName(name);
      } catch (UnknownHostException e) {
        System.err.println("ResolveNames: " + name + " does not resolve through the hosts file");
        System.exit(1);
      }
    }
    System.out.println(names.size() + " " + (System.nanoTime() - start) / 1_000_000);
  }
}
