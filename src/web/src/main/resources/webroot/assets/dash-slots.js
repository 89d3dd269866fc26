// Free start times of a booking type on one local date, as choice buttons: the panel's "move" and "add booking" both
// pick from them (the public slots of the type, so the hub's rules decide what is free).

import { enc } from './api.js';
import { h, clear, errorBox } from './dom.js';
import { call } from './dash-session.js';
import { addDays, formatTime } from './time.js';

/** Fills `list` with the free starts of `typeId` on `date` in `zone`; `onPick(slot, button)` on a choice. */
export async function showFreeSlots({ list, typeId, date, zone, minutes, onPick }) {
  list.setAttribute('aria-busy', 'true');
  try {
    const query = new URLSearchParams({ from: date, to: addDays(date, 1), tz: zone });
    if (minutes) {
      query.set('duration', String(minutes));
    }
    const answer = await call('GET', `/api/v1/public/booking-types/${enc(typeId)}/slots?${query}`);
    if (answer.slots.length === 0) {
      clear(list, h('li', { class: 'empty', text: 'No free times on this day.' }));
      return;
    }
    clear(list, answer.slots.map((slot) => {
      const button = h('button', {
        type: 'button', 'data-start': slot.start, 'aria-pressed': 'false',
        onclick: () => {
          list.querySelectorAll('button[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
          button.setAttribute('aria-pressed', 'true');
          onPick(slot, button);
        },
      }, formatTime(slot.start, zone));
      return h('li', {}, button);
    }));
  } catch (e) {
    clear(list, h('li', {}, errorBox(e, 'The free times could not be loaded')));
  } finally {
    list.removeAttribute('aria-busy');
  }
}
