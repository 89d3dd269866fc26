// Share and embed (ADR 45): for the provider page and each booking type, the full public address with a Copy button,
// its QR code (an SVG the hub draws, /qr/book/...), and the embed code: an inline iframe, and a pop-up button that the
// hub's /embed.js opens over the provider's site. Addresses come from GET /api/v1/embed-settings, which writes them
// under the hub's public URL; the panel is filled only when opened.

import { enc } from './api.js';
import { h, clear, errorBox, uid } from './dom.js';
import { call, session } from './dash-session.js';

let settings = null;

/** The embed settings, read once per dashboard visit (and replaced by {@link rememberEmbedSettings} after a save). */
export async function embedSettings() {
  if (!settings) {
    settings = await call('GET', '/api/v1/embed-settings');
  }
  return settings;
}

export function rememberEmbedSettings(saved) {
  settings = saved;
}

async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch (e) {
    status.textContent = 'Copying is blocked here: select the text and copy it yourself.';
  }
}

/** A read-only text (one line or a block of code) with its own Copy button and a polite status line. */
export function copyable({ label, text, multiline, name }) {
  const id = uid('share');
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  const control = multiline
    ? h('textarea', { id, readonly: true, rows: '4', class: 'code', spellcheck: 'false', 'data-share': name })
    : h('input', { id, type: 'text', readonly: true, class: 'code', 'data-share': name });
  control.value = text;
  control.addEventListener('focus', () => control.select());
  return h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    h('div', { class: 'copy-row' }, control,
      h('button', {
        type: 'button', class: 'secondary', 'aria-label': `Copy ${label.toLowerCase()}`,
        onclick: () => copy(text, status),
      }, 'Copy')),
    status);
}

function iframeSnippet(url, title) {
  return `<iframe src="${url}" title="${title.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}" `
    + 'style="width:100%;min-height:760px;border:0" loading="lazy"></iframe>';
}

function buttonSnippet(url, scriptUrl) {
  return `<script src="${scriptUrl}" defer></script>\n`
    + `<button type="button" data-dovetail-book="${url}">Book a time</button>`;
}

function fill(body, s, { path, title }) {
  const url = `${s.providerPageUrl}${path}`;
  const qr = `/qr/book/${enc(session.me.providerId)}${path}`;
  const listed = s.allowedOrigins.length > 0;
  clear(body,
    copyable({ label: 'Link', text: url, name: 'url' }),
    h('figure', { class: 'qr' },
      h('img', {
        src: qr, width: '168', height: '168', alt: `QR code of ${url}`, 'data-share': 'qr',
      }),
      h('figcaption', {}, h('a', { href: qr, download: 'booking-qr.svg' }, 'Download the QR code (SVG)'))),
    h('h2', { text: 'Embed on your site' }),
    h('p', {
      class: listed ? 'muted' : 'notice',
      text: listed
        ? `Works on pages of ${s.allowedOrigins.join(', ')} (Settings, Embedding).`
        : 'No site may show this page yet: list your site under Settings, Embedding, first.',
    }),
    copyable({ label: 'Inline frame', text: iframeSnippet(url, title), multiline: true, name: 'iframe' }),
    copyable({ label: 'Pop-up button', text: buttonSnippet(url, s.embedScriptUrl), multiline: true, name: 'button' }));
}

/**
 * A closed "Share and embed" disclosure for the provider page ({@code typeId} absent) or one booking type's page;
 * opening it reads the settings and fills it.
 */
export function sharePanel({ typeId, title }) {
  const body = h('div', { class: 'share-body' }, h('p', { class: 'loading', text: 'Loading…' }));
  const panel = h('details', { class: 'share', 'data-share-for': typeId || '' },
    h('summary', { text: 'Share and embed' }), body);
  panel.addEventListener('toggle', async () => {
    if (!panel.open || panel.dataset.filled) {
      return;
    }
    try {
      fill(body, await embedSettings(), { path: typeId ? `/${enc(typeId)}` : '', title });
      panel.dataset.filled = 'true';
    } catch (e) {
      clear(body, errorBox(e, 'The share links could not be loaded'));
    }
  });
  return panel;
}
