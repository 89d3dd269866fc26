// Inside another site's frame (an embedded booking page, ADR 45): the page drops its own header, since the host site
// carries the brand, and links to pages that may not be framed (the manage page) open in a new tab.

export const embedded = window.self !== window.top;

if (embedded) {
  document.documentElement.classList.add('embedded');
}

/** Link attributes that leave the frame when the page is embedded, none otherwise. */
export function outOfFrame() {
  return embedded ? { target: '_blank', rel: 'noopener' } : {};
}
