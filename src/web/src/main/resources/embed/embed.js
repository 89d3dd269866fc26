/*
 * Dovetail pop-up booking (ADR 45). A provider's site loads this script from the hub and marks a button:
 *
 *   <script src="https://HUB/embed.js" defer></script>
 *   <button type="button" data-dovetail-book="https://HUB/book/PROVIDER/TYPE">Book a time</button>
 *
 * A click opens the booking page in a modal dialog over the site, in an iframe. The hub lets it be framed only by
 * the origins the provider listed in its settings. Only pages of the hub this script came from are opened.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var hub = script ? new URL(script.src).origin : null;

  function bookingUrl(button) {
    var url;
    try {
      url = new URL(button.getAttribute('data-dovetail-book'), hub || undefined);
    } catch (e) {
      return null;
    }
    return url.origin === hub && url.pathname.indexOf('/book/') === 0 ? url.href : null;
  }

  function open(button, href) {
    var dialog = document.createElement('dialog');
    dialog.setAttribute('aria-label', button.getAttribute('aria-label') || button.textContent.trim() || 'Book a time');
    dialog.className = 'dovetail-embed';
    var s = dialog.style;
    s.width = 'min(720px, 96vw)';
    s.height = 'min(860px, 92vh)';
    s.padding = '0';
    s.border = '0';
    s.borderRadius = '8px';
    s.overflow = 'hidden';

    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close');
    var c = close.style;
    c.position = 'absolute';
    c.top = '4px';
    c.right = '8px';
    c.font = '28px/1 sans-serif';
    c.minWidth = '44px';
    c.minHeight = '44px';
    c.background = 'transparent';
    c.border = '0';
    c.cursor = 'pointer';
    close.addEventListener('click', function () { dialog.close(); });

    var frame = document.createElement('iframe');
    frame.src = href;
    frame.title = dialog.getAttribute('aria-label');
    frame.style.width = '100%';
    frame.style.height = '100%';
    frame.style.border = '0';

    dialog.appendChild(frame);
    dialog.appendChild(close);
    dialog.addEventListener('close', function () {
      dialog.remove();
      button.focus();
    });
    dialog.addEventListener('click', function (event) {
      if (event.target === dialog) {
        dialog.close();
      }
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    close.focus();
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-dovetail-book]') : null;
    if (!button) {
      return;
    }
    var href = bookingUrl(button);
    if (href) {
      event.preventDefault();
      open(button, href);
    }
  });
})();
