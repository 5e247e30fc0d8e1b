import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Same-JVM A/B of two builds: runs one benchmark main class from each build's classes
 * directory, alternately, each build in its own class loader, and prints the median of every
 * number the pattern captures, per build. Alternating in one JVM exposes both builds to the same
 * load on a shared machine; the first round of each build is warm-up and left out.
 *
 * <p>Usage (single-file source launch):
 * {@code java src/bench/probes/SameJvmAb.java ROUNDS MAIN_CLASS REGEX "ARGS" LIB_DIR DIR_A DIR_B}
 * for example {@code ... 5 org.mixrl.bench.SacUpdateBenchmark
 * "thread-CPU median ([0-9.]+) ms" "8 6 1 256,256 256" target/lib old/classes target/classes}.
 */
public final class SameJvmAb {
  public static void main(String[] x) throws Exception {
    int rounds = Integer.parseInt(x[0]);
    Pattern pattern = Pattern.compile(x[2]);
    String[] args = x[3].split(" ");
    List<URL> libs = new ArrayList<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(x[4]), "*.jar")) {
      for (Path p : jars) {
        libs.add(p.toUri().toURL());
      }
    }
    int builds = x.length - 5;
    Method[] mains = new Method[builds];
    for (int d = 0; d < builds; d++) {
      List<URL> urls = new ArrayList<>();
      urls.add(Path.of(x[5 + d]).toUri().toURL());
      urls.addAll(libs);
      ClassLoader loader =
          new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      mains[d] = loader.loadClass(x[1]).getMethod("main", String[].class);
    }
    PrintStream out = System.out;
    List<List<double[]>> values = new ArrayList<>();
    for (int d = 0; d < builds; d++) {
      values.add(new ArrayList<>());
    }
    for (int r = 0; r < rounds; r++) {
      for (int d = 0; d < builds; d++) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true));
        try {
          mains[d].invoke(null, (Object) args);
        } finally {
          System.setOut(out);
        }
        Matcher m = pattern.matcher(buffer.toString());
        List<Double> found = new ArrayList<>();
        while (m.find()) {
          found.add(Double.parseDouble(m.group(1)));
        }
        double[] v = found.stream().mapToDouble(Double::doubleValue).toArray();
        out.println("round " + r + " " + x[5 + d] + " " + Arrays.toString(v));
        if (r > 0) {
          values.get(d).add(v);
        }
      }
    }
    for (int d = 0; d < builds; d++) {
      List<double[]> v = values.get(d);
      int n = v.isEmpty() ? 0 : v.get(0).length;
      double[] medians = new double[n];
      for (int i = 0; i < n; i++) {
        final int col = i;
        double[] column = v.stream().mapToDouble(row -> row[col]).sorted().toArray();
        int h = column.length / 2;
        medians[i] = column.length % 2 == 1 ? column[h] : (column[h - 1] + column[h]) / 2;
      }
      StringBuilder line = new StringBuilder("medians of rounds 1.." + (rounds - 1) + " " + x[5 + d]);
      for (double m : medians) {
        line.append(String.format(" %.3f", m));
      }
      out.println(line);
    }
  }
}
