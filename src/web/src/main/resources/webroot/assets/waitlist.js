// The pages behind the waitlist mails' links: /waitlist/claim/{token} takes the held slot (then shows the booking),
// /waitlist/leave/{token} leaves the list. Nothing happens until the button is pressed, so a mail scanner that opens
// links changes nothing.

import { t } from './i18n.js';
import { api, enc } from './api.js';
import { h, clear, errorBox, okBox } from './dom.js';
import { detectedZone, formatDateTime, formatTime } from './time.js';

const app = document.getElementById('app');
const title = document.getElementById('page-title');
const [, , action, token] = window.location.pathname.split('/');

function setTitle(text) {
  title.textContent = text;
  document.title = t('title.suffix', { title: text });
}

function alternatives(error) {
  const zone = detectedZone();
  const slots = error.alternatives || [];
  if (slots.length === 0) {
    return null;
  }
  return h('div', { class: 'stack' },
    h('p', { text: t('wl.freeNow') }),
    h('ul', { id: 'alternatives' }, slots.map((s) => h('li', { text: formatDateTime(s.start, zone) }))));
}

async function claim(button) {
  button.disabled = true;
  try {
    const receipt = await api('POST', `/api/v1/public/waitlist/claim/${enc(token)}`);
    window.location.assign(`/booked/${enc(receipt.manageToken)}`);
  } catch (e) {
    setTitle(t('wl.claimFailed'));
    clear(app, errorBox(e, t('wl.notBooked')), alternatives(e));
  }
}

async function leave(button) {
  button.disabled = true;
  try {
    await api('POST', `/api/v1/public/waitlist/leave/${enc(token)}`);
    setTitle(t('wl.left'));
    clear(app, okBox(t('wl.done'), h('p', { text: t('wl.left.detail') })));
  } catch (e) {
    clear(app, errorBox(e, t('wl.leaveFailed')));
  }
}

/** What the link holds, in the zone the customer joined in (the hub's clock decides whether it is still open). */
async function heldText() {
  try {
    const held = await api('GET', `/api/v1/public/waitlist/claim/${enc(token)}`);
    const zone = held.timeZone || detectedZone();
    const slot = `${formatDateTime(held.start, zone)}–${formatTime(held.end, zone)}`;
    if (held.open) {
      return t('wl.held', { slot, until: formatDateTime(held.heldUntil, zone), zone });
    }
    return t('wl.wasHeld', { slot, until: formatDateTime(held.heldUntil, zone) });
  } catch (e) {
    return t('wl.gone');
  }
}

async function show() {
  if (action === 'claim') {
    setTitle(t('wl.claim'));
    const text = await heldText();
    clear(app,
      h('p', { id: 'held-slot', text }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'claim-button', onclick: (ev) => claim(ev.currentTarget) }, t('wl.book'))));
  } else {
    setTitle(t('wl.leave'));
    clear(app,
      h('p', { text: t('wl.leave.detail') }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'leave-button', class: 'danger', onclick: (ev) => leave(ev.currentTarget) },
          t('wl.leave'))));
  }
}

show();
