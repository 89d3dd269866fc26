// The pages behind the waitlist mails' links: /waitlist/claim/{token} takes the held slot (then shows the booking),
// /waitlist/leave/{token} leaves the list. Nothing happens until the button is pressed, so a mail scanner that opens
// links changes nothing.

import { api, enc } from './api.js';
import { h, clear, errorBox, okBox } from './dom.js';
import { detectedZone, formatDateTime, formatTime } from './time.js';

const app = document.getElementById('app');
const title = document.getElementById('page-title');
const [, , action, token] = window.location.pathname.split('/');

function setTitle(text) {
  title.textContent = text;
  document.title = `${text} · Dovetail`;
}

function alternatives(error) {
  const zone = detectedZone();
  const slots = error.alternatives || [];
  if (slots.length === 0) {
    return null;
  }
  return h('div', { class: 'stack' },
    h('p', { text: 'Free now (book one from the booking page):' }),
    h('ul', { id: 'alternatives' }, slots.map((s) => h('li', { text: formatDateTime(s.start, zone) }))));
}

async function claim(button) {
  button.disabled = true;
  try {
    const receipt = await api('POST', `/api/v1/public/waitlist/claim/${enc(token)}`);
    window.location.assign(`/booked/${enc(receipt.manageToken)}`);
  } catch (e) {
    setTitle('This slot could not be claimed');
    clear(app, errorBox(e, 'Not booked'), alternatives(e));
  }
}

async function leave(button) {
  button.disabled = true;
  try {
    await api('POST', `/api/v1/public/waitlist/leave/${enc(token)}`);
    setTitle('You left the waitlist');
    clear(app, okBox('Done', h('p', { text: 'You will get no more offers from this waitlist.' })));
  } catch (e) {
    clear(app, errorBox(e, 'You could not leave the waitlist'));
  }
}

/** What the link holds, in the zone the customer joined in (the hub's clock decides whether it is still open). */
async function heldText() {
  try {
    const held = await api('GET', `/api/v1/public/waitlist/claim/${enc(token)}`);
    const zone = held.timeZone || detectedZone();
    const slot = `${formatDateTime(held.start, zone)}–${formatTime(held.end, zone)}`;
    if (held.open) {
      return `${slot} is held for you until ${formatDateTime(held.heldUntil, zone)} (${zone}).`;
    }
    return `${slot} was held for you until ${formatDateTime(held.heldUntil, zone)}; you can still try to book it.`;
  } catch (e) {
    return 'This offer is no longer held for you (claimed, withdrawn or passed on). Press the button to see where it stands.';
  }
}

async function show() {
  if (action === 'claim') {
    setTitle('Claim your slot');
    const text = await heldText();
    clear(app,
      h('p', { id: 'held-slot', text }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'claim-button', onclick: (ev) => claim(ev.currentTarget) }, 'Book this slot')));
  } else {
    setTitle('Leave the waitlist');
    clear(app,
      h('p', { text: 'You will get no more offers; a slot held for you now passes to the next customer.' }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'leave-button', class: 'danger', onclick: (ev) => leave(ev.currentTarget) },
          'Leave the waitlist')));
  }
}

show();
