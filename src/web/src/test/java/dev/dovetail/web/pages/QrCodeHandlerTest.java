package dev.dovetail.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The share panel's QR code: the SVG, drawn back into pixels, reads as the page's address. */
class QrCodeHandlerTest {

  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
  private static final int SCALE = 4;

  @Test
  @DisplayName("the SVG reads back as the address it encodes, quiet zone included")
  void svgDecodesToTheAddress() throws Exception {
    String address = "https://book.example.com/book/alice-studio/alice-60";
    String svg = QrCodeHandler.svg(address);

    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).isTrue();
    int width = Integer.parseInt(box.group(1));
    int height = Integer.parseInt(box.group(2));
    int[] pixels = new int[width * SCALE * height * SCALE];
    Arrays.fill(pixels, 0xFFFFFFFF);
    Matcher module = MODULE.matcher(svg);
    int dark = 0;
    while (module.find()) {
      int x = Integer.parseInt(module.group(1));
      int y = Integer.parseInt(module.group(2));
      assertThat(x).isBetween(4, width - 5);
      assertThat(y).isBetween(4, height - 5);
      for (int dy = 0; dy < SCALE; dy++) {
        for (int dx = 0; dx < SCALE; dx++) {
          pixels[(y * SCALE + dy) * width * SCALE + x * SCALE + dx] = 0xFF000000;
        }
      }
      dark++;
    }
    assertThat(dark).isPositive();

    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
        new RGBLuminanceSource(width * SCALE, height * SCALE, pixels)));
    String read = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    assertThat(read).isEqualTo(address);
  }
}
