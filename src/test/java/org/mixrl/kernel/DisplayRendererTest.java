package org.mixrl.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.mixrl.tensor.Tensor;

class DisplayRendererTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
  private final DisplayRenderer renderer = new DisplayRenderer();

  @Test
  void chartsBecomeBase64Png() {
    XYChart chart = new XYChartBuilder().width(300).height(200).title("loss").build();
    chart.addSeries("y", new double[] {0, 1, 2}, new double[] {3, 1, 2});
    DisplayData d = renderer.render(chart);
    byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
    assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 4));
    assertEquals("XYChart 'loss' (300x200)", d.getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void smallMatricesBecomeHtmlTablesWithTextToo() {
    Tensor t = Tensor.matrix(new double[][] {{1, 2.5, -3}, {1e-9, 0, 123456789}});
    DisplayData d = renderer.render(t);
    String html = (String) d.getData(MIMEType.TEXT_HTML);
    assertEquals(6, html.split("<td>", -1).length - 1, html);
    assertTrue(html.contains("<caption>Tensor [2, 3]</caption>"), html);
    assertTrue(html.contains("<td>2.5</td><td>-3</td>"), html);
    assertTrue(html.contains("<td>1.00000e-09</td>"), html);
    assertTrue(html.contains("<td>1.23457e+08</td>"), html);
    assertEquals(t.toString(), d.getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void vectorsAreOneRowTables() {
    String html = (String) renderer.render(Tensor.vector(1, 2, 3)).getData(MIMEType.TEXT_HTML);
    assertEquals(1, html.split("</td></tr>", -1).length - 1, html);
    assertEquals(3, html.split("<td>", -1).length - 1, html);
  }

  @Test
  void largeOrHighRankTensorsAreTextOnly() {
    assertFalse(renderer.render(Tensor.zeros(30, 30)).hasDataForType(MIMEType.TEXT_HTML));
    assertFalse(renderer.render(Tensor.zeros(2, 2, 2)).hasDataForType(MIMEType.TEXT_HTML));
    assertFalse(renderer.render(Tensor.scalar(1)).hasDataForType(MIMEType.TEXT_HTML));
  }

  @Test
  void otherValuesAreTheirTextPreferringJShellsForm() {
    assertEquals("[1, 2]", renderer.render(new int[] {1, 2}).getData(MIMEType.TEXT_PLAIN));
    assertEquals("null", renderer.render(null).getData(MIMEType.TEXT_PLAIN));
    assertEquals("\"hi\"", renderer.render("hi", "\"hi\"").getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void displayDataPassesThrough() {
    DisplayData own = new DisplayData("mine");
    assertTrue(renderer.render(own) == own);
  }
}
