// Settings → Brand: the provider's colour and language (PATCH /api/v1/me) and logo (PUT/DELETE /api/v1/me/logo), shown
// on its booking, confirmation, manage and waitlist pages and in its customers' mail (ADR 57). The hub checks
// everything again; the limits here only spare a pointless upload.

import { ApiError } from './api.js';
import {
  h, clear, errorBox, okBox, field, reportErrors,
} from './dom.js';
import { call, session } from './dash-session.js';

const MAX_LOGO_BYTES = 200 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const COLOUR = /^#[0-9a-fA-F]{6}$/;

function logoPreview() {
  const url = session.me.logoUrl;
  return url
    ? h('img', { class: 'logo-preview', id: 'settings-logo-preview', src: url, alt: 'Your current logo' })
    : h('p', { class: 'muted', id: 'settings-logo-preview', text: 'No logo yet: your pages show your name alone.' });
}

function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function colourForm() {
  const me = session.me;
  const colour = field({
    id: 'settings-colour', label: 'Brand colour',
    hint: 'Like #1a6b4f. Your pages put black or white text on it, whichever reads better. Leave empty for '
      + 'Dovetail\'s colours.',
    value: me.brandColour || '', attrs: { maxlength: '7', spellcheck: 'false', autocomplete: 'off' },
  });
  const language = field({
    id: 'settings-language', label: 'Language of your customer pages and mail', kind: 'select', value: me.language,
    hint: 'Stored now; the German pages and mail follow in a later version.',
    options: [{ value: 'en', text: 'English' }, { value: 'de', text: 'Deutsch' }],
  });
  const result = h('div', { id: 'settings-brand-result', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', id: 'settings-brand-save' }, 'Save brand');
  return h('form', {
    id: 'settings-brand',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const value = colour.control.value.trim();
      if (!reportErrors([colour], value && !COLOUR.test(value)
        ? [[colour, 'Enter # and six hex digits, like #1a6b4f, or leave it empty.']] : [])) {
        return;
      }
      save.disabled = true;
      clear(result);
      try {
        session.me = await call('PATCH', '/api/v1/me', {
          displayName: session.me.displayName,
          timeZone: session.me.timeZone,
          brandColour: value || null,
          language: language.control.value,
        });
        colour.control.value = session.me.brandColour || '';
        clear(result, okBox('Saved', h('p', {
          text: session.me.brandColour
            ? `Your pages use ${session.me.brandColour} with ${session.me.brandTextColour === '#ffffff' ? 'white' : 'black'} text.`
            : 'Your pages use Dovetail\'s colours.',
        })));
      } catch (e) {
        if (e instanceof ApiError && e.status === 400) {
          reportErrors([colour], [[colour, e.message]]);
        } else {
          clear(result, errorBox(e, 'Could not save'));
        }
      } finally {
        save.disabled = false;
      }
    },
  }, colour.wrapper, language.wrapper, result, h('div', { class: 'actions' }, save));
}

function logoForm() {
  const file = field({
    id: 'settings-logo', label: 'Logo', type: 'file',
    hint: 'PNG, JPEG or WebP, at most 200 kB, each side 16 to 2048 pixels. It is shown beside your name.',
    attrs: { accept: LOGO_TYPES.join(',') },
  });
  const preview = h('div', { id: 'settings-logo-current' }, logoPreview());
  const result = h('div', { id: 'settings-logo-result', 'aria-live': 'polite' });
  const upload = h('button', { type: 'submit', id: 'settings-logo-save' }, 'Upload logo');
  const remove = h('button', {
    type: 'button',
    id: 'settings-logo-remove',
    class: 'secondary',
    onclick: async () => {
      remove.disabled = true;
      clear(result);
      try {
        session.me = await call('DELETE', '/api/v1/me/logo');
        clear(preview, logoPreview());
        clear(result, okBox('Logo removed'));
      } catch (e) {
        clear(result, errorBox(e, 'Could not remove the logo'));
      } finally {
        remove.disabled = false;
      }
    },
  }, 'Remove logo');
  return h('form', {
    id: 'settings-logo-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const chosen = file.control.files[0];
      const problem = !chosen ? 'Choose an image file.'
        : !LOGO_TYPES.includes(chosen.type) ? 'Choose a PNG, JPEG or WebP image.'
          : chosen.size > MAX_LOGO_BYTES ? `This image has ${Math.ceil(chosen.size / 1024)} kB; at most 200 kB.` : null;
      if (!reportErrors([file], problem ? [[file, problem]] : [])) {
        return;
      }
      upload.disabled = true;
      clear(result);
      try {
        session.me = await call('PUT', '/api/v1/me/logo', { image: await base64Of(chosen) });
        clear(preview, logoPreview());
        file.control.value = '';
        clear(result, okBox('Logo saved'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 400) {
          reportErrors([file], [[file, e.message]]);
        } else {
          clear(result, errorBox(e, 'Could not upload the logo'));
        }
      } finally {
        upload.disabled = false;
      }
    },
  }, preview, file.wrapper, result, h('div', { class: 'actions' }, upload, remove));
}

export function brandSection() {
  return h('section', { id: 'settings-brand-section', 'aria-labelledby': 'settings-brand-title' },
    h('h2', { id: 'settings-brand-title', text: 'Brand' }),
    h('p', {
      class: 'muted',
      text: 'Your name, logo and colour head your booking, confirmation, manage and waitlist pages and your customers\' mail.',
    }),
    colourForm(), logoForm());
}
