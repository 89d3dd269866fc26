package dev.dovetail.web.pages;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /qr/book/{provider}} and {@code GET /qr/book/{provider}/{bookingType}}: the QR code of the page's public
 * address ({@code DOVETAIL_PUBLIC_URL} + {@code /book/...}) as an SVG image, for the dashboard's share panel and for
 * print. The image encodes only that address, built from the two slugs, so it can be computed for anyone; it is the
 * same for an unknown provider as for a known one and tells nothing about either.
 */
final class QrCodeHandler {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
  /** The quiet zone the QR standard asks for, in modules. */
  private static final int MARGIN = 4;

  private final String publicUrl;
  private final PageErrors errors;

  QrCodeHandler(String publicUrl, PageErrors errors) {
    this.publicUrl = publicUrl;
    this.errors = errors;
  }

  void handle(RoutingContext ctx) {
    String provider = ctx.pathParam("provider");
    String type = ctx.pathParam("bookingType");
    if (!SLUG.matcher(provider).matches() || (type != null && !SLUG.matcher(type).matches())) {
      errors.notFound(ctx);
      return;
    }
    String address = publicUrl + "/book/" + provider + (type == null ? "" : "/" + type);
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + PagesRouter.ASSET_MAX_AGE_SECONDS)
        .end(svg(address));
  }

  /** {@code text} as a QR code (error correction M): one 1×1 square per dark module, in a single path. */
  static String svg(String text) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.MARGIN, MARGIN,
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
    }
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
  }
}
