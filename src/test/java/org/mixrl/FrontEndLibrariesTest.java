package org.mixrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Smoke tests that the optional front-end libraries load and work on the JDK running the build
 * (CI runs them on 17 and 25), before any mixrl code depends on them.
 */
class FrontEndLibrariesTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  @Test
  void xchartRendersAPngHeadlessly() throws Exception {
    XYChart chart = new XYChartBuilder().width(320).height(240).title("smoke").build();
    chart.addSeries("y = x^2", new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
    // ChartEncoder is XChart 4's format-by-name API; BitmapEncoder's methods are deprecated.
    byte[] png = ChartEncoder.getBytes(chart, "png");
    assertTrue(png.length > 1000, "suspiciously small PNG: " + png.length + " bytes");
    assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 4));
  }

  @Test
  void progressBarReportsCompletionToItsConsumer() {
    List<String> frames = new ArrayList<>();
    try (ProgressBar pb =
        new ProgressBarBuilder()
            .setTaskName("smoke")
            .setInitialMax(10)
            .setConsumer(new DelegatingProgressBarConsumer(frames::add, 80))
            .build()) {
      pb.stepBy(10);
    }
    assertTrue(!frames.isEmpty(), "no frame rendered");
    String last = frames.get(frames.size() - 1);
    assertTrue(last.contains("100%") && last.contains("10/10"), last);
  }

  @Test
  void jjavaParsesAJupyterConnectionFile() {
    String json =
        "{\"ip\":\"127.0.0.1\",\"transport\":\"tcp\",\"control_port\":50160,"
            + "\"shell_port\":57503,\"stdin_port\":52597,\"hb_port\":42540,"
            + "\"iopub_port\":40885,\"signature_scheme\":\"hmac-sha256\",\"key\":\"k\"}";
    KernelConnectionProperties p = KernelConnectionProperties.parse(json);
    assertEquals(57503, p.getShellPort());
    assertEquals("hmac-sha256", p.getSignatureScheme());
    assertEquals(40885, KernelConnectionProperties.parse(p.toJsonString()).getIopubPort());
  }
}
