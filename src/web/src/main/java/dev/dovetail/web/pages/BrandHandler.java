package dev.dovetail.web.pages;

import dev.dovetail.booking.domain.BrandColour;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.LogoRef;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * A provider's brand on the hub (ADR 57), both addresses named by their content so that they are cached for good:
 * <ul>
 *   <li>{@code GET /brand/accent/{rrggbb}.css}: the custom properties {@code --accent} (the colour) and {@code
 *       --on-accent} (black or white, whichever is readable on it); made from the address alone, no store read
 *   <li>{@code GET /brand/{provider}/logo/{hash}}: the logo with that content hash, as its own image type (the
 *       security headers add {@code X-Content-Type-Options: nosniff} to every answer)
 * </ul>
 */
final class BrandHandler {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final Pattern SHEET = Pattern.compile("[0-9a-f]{6}\\.css");

  private final PublicCatalog catalog;
  private final PageErrors errors;

  BrandHandler(PublicCatalog catalog, PageErrors errors) {
    this.catalog = catalog;
    this.errors = errors;
  }

  void accent(RoutingContext ctx) {
    String file = ctx.pathParam("colour");
    if (!SHEET.matcher(file).matches()) {
      errors.notFound(ctx);
      return;
    }
    BrandColour colour = new BrandColour("#" + file.substring(0, 6));
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/css; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
        .end(":root { --accent: " + colour.hex() + "; --on-accent: " + colour.textColour() + "; }\n");
  }

  void logo(RoutingContext ctx) {
    String provider = ctx.pathParam("provider");
    String hash = ctx.pathParam("logoHash");
    if (!ProviderPageHandler.SLUG.matcher(provider).matches() || !LogoRef.HASH.matcher(hash).matches()) {
      errors.notFound(ctx);
      return;
    }
    catalog.logo(provider, hash).onComplete(ar -> {
      if (ar.failed()) {
        if (ar.cause() instanceof NotFoundException || ar.cause() instanceof InvalidRequestException) {
          errors.notFound(ctx);
        } else {
          ctx.fail(ar.cause());
        }
        return;
      }
      Logo logo = ar.result();
      ctx.response()
          .putHeader(HttpHeaders.CONTENT_TYPE, logo.format().mediaType())
          .putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
          .end(Buffer.buffer(logo.bytes()));
    });
  }
}
