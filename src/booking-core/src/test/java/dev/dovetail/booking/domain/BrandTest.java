package dev.dovetail.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The brand colour's readable text and the logo's checks (ADR 57). */
class BrandTest {

  @Test
  @DisplayName("every colour gets black or white text with at least WCAG AA contrast (4.5:1)")
  void everyColourIsReadable() {
    double worst = Double.MAX_VALUE;
    for (int r = 0; r < 256; r += 5) {
      for (int g = 0; g < 256; g += 5) {
        for (int b = 0; b < 256; b += 5) {
          BrandColour colour = new BrandColour(String.format("#%02x%02x%02x", r, g, b));
          worst = Math.min(worst, colour.contrast(colour.textColour()));
        }
      }
    }
    assertThat(worst).isGreaterThanOrEqualTo(BrandColour.AA).isLessThan(4.7);
    assertThat(new BrandColour("#000000").contrast(BrandColour.WHITE)).isCloseTo(21.0, offset(1e-9));
    assertThat(BrandColour.parse("#1D4ED8").textColour()).isEqualTo(BrandColour.WHITE);
    assertThat(BrandColour.parse("#FFE066").textColour()).isEqualTo(BrandColour.BLACK);
    for (String bad : new String[] {"1d4ed8", "#1d4ed", "#1d4ed8 ", "#1d4ez8", "#fff", null}) {
      assertThatThrownBy(() -> BrandColour.parse(bad)).isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  @DisplayName("PNG, JPEG and WebP (lossy, lossless, extended) are read by their first bytes with their sides")
  void formats() throws IOException {
    Logo png = Logo.parse(image("png", 300, 100));
    assertThat(png.format()).isEqualTo(Logo.Format.PNG);
    assertThat(new int[] {png.width(), png.height()}).containsExactly(300, 100);
    Logo jpeg = Logo.parse(image("jpg", 90, 200));
    assertThat(jpeg.format()).isEqualTo(Logo.Format.JPEG);
    assertThat(new int[] {jpeg.width(), jpeg.height()}).containsExactly(90, 200);
    assertThat(jpeg.hash()).matches("[0-9a-f]{32}").isNotEqualTo(png.hash());

    byte[] extended = webp("VP8X", new byte[] {0, 0, 0, 0, (byte) 199, 0, 0, 49, 0, 0});
    assertThat(sides(Logo.parse(extended))).containsExactly(200, 50);
    int bits = (640 - 1) | (480 - 1) << 14;
    byte[] lossless = webp("VP8L", new byte[] {0x2f, (byte) bits, (byte) (bits >>> 8), (byte) (bits >>> 16),
        (byte) (bits >>> 24), 0, 0, 0, 0, 0});
    assertThat(sides(Logo.parse(lossless))).containsExactly(640, 480);
    byte[] lossy = webp("VP8 ", new byte[] {0, 0, 0, (byte) 0x9d, 0x01, 0x2a, 64, 0, 32, 0});
    assertThat(sides(Logo.parse(lossy))).containsExactly(64, 32);
    assertThat(Logo.parse(lossy).format().mediaType()).isEqualTo("image/webp");
  }

  @Test
  @DisplayName("SVG, other types, truncated headers, sides out of bounds and more than 200 kB are refused")
  void refusals() throws IOException {
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Logo.parse(svg)).hasMessageContaining("SVG");
    assertThatThrownBy(() -> Logo.parse(new byte[0])).hasMessageContaining("empty");
    assertThatThrownBy(() -> Logo.parse(Arrays.copyOf(image("png", 20, 20), 16))).hasMessageContaining("header");
    assertThatThrownBy(() -> Logo.parse(image("png", 15, 300))).hasMessageContaining("16 to 2048");
    assertThatThrownBy(() -> Logo.parse(image("png", 2049, 16))).hasMessageContaining("16 to 2048");
    assertThatThrownBy(() -> Logo.parse(Arrays.copyOf(image("png", 20, 20), Logo.MAX_BYTES + 1)))
        .hasMessageContaining("200 kB");
    assertThat(Logo.parse(Arrays.copyOf(image("png", 20, 20), Logo.MAX_BYTES)).width()).isEqualTo(20);
    byte[] riffNotWebp = webp("VP8X", new byte[10]);
    riffNotWebp[8] = 'A';
    assertThatThrownBy(() -> Logo.parse(riffNotWebp)).isInstanceOf(InvalidRequestException.class);
  }

  private static int[] sides(Logo logo) {
    return new int[] {logo.width(), logo.height()};
  }

  private static byte[] image(String format, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  /** A RIFF/WEBP file whose first chunk is {@code chunk} with {@code payload}. */
  private static byte[] webp(String chunk, byte[] payload) {
    byte[] file = new byte[20 + payload.length];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 4);
    System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, file, 8, 4);
    System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, file, 12, 4);
    file[16] = (byte) payload.length;
    System.arraycopy(payload, 0, file, 20, payload.length);
    return file;
  }
}
