// The waitlist of one booking type: who waits (name, e-mail, the day they want, since when), a free time offered by
// hand (held for the claim window, the offer mail sent), an entry removed, the list turned off or on with its claim
// window, and what the list recovered (claimed offers and their value: this type's, and all types').

import { enc } from './api.js';
import {
  h, clear, errorBox, field, checkbox, reportErrors, focusHeading, okBox,
} from './dom.js';
import { call, collect } from './dash-session.js';
import { showFreeSlots } from './dash-slots.js';
import { formatMoney } from './money.js';
import {
  formatDay, formatDateTime, formatShortDateTime, localDate,
} from './time.js';

const ACTIVE = ['WAITING', 'OFFERED'];

function wishText(e) {
  if (e.wish.start) {
    return formatDateTime(e.wish.start, e.timeZone);
  }
  const day = formatDay(e.wish.date);
  return e.wish.from ? `${day}, ${e.wish.from}–${e.wish.to}` : day;
}

function moneyText(sums) {
  return sums.length === 0 ? 'nothing yet' : sums.map(formatMoney).join(' + ');
}

/** The recovered bookings of entries (BOOKED with a value), summed per currency. */
function recoveredOf(entries) {
  const byCurrency = new Map();
  const booked = entries.filter((e) => e.status === 'BOOKED');
  booked.filter((e) => e.recovered).forEach((e) => {
    byCurrency.set(e.recovered.currency, (byCurrency.get(e.recovered.currency) || 0) + e.recovered.amountMinor);
  });
  return { count: booked.length, value: [...byCurrency].map(([currency, amountMinor]) => ({ amountMinor, currency })) };
}

/** Shows the waitlist screen of `type` in `container`; `onBack` returns to the booking types. */
export async function waitlistView(container, type, onBack) {
  const heading = h('h1', { id: 'page-title', text: `Waitlist: ${type.name}` });
  const message = h('div', { id: 'waitlist-message' });
  const settingsBox = h('div', { id: 'waitlist-settings' });
  const summary = h('div', { id: 'waitlist-recovered' });
  const entriesBox = h('div', { id: 'waitlist-entries' });
  clear(container, heading, message,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'waitlist-back', onclick: onBack }, 'Back to booking types')),
    settingsBox, summary, h('h2', { text: 'Waiting' }), entriesBox);
  focusHeading(heading);

  async function load(notice) {
    clear(message, notice || null);
    try {
      const [settings, listed, report] = await Promise.all([
        call('GET', `/api/v1/booking-types/${enc(type.id)}/waitlist`),
        collect(`/api/v1/waitlist/entries?bookingTypeId=${enc(type.id)}`, { maxPages: 5 }),
        call('GET', '/api/v1/waitlist/report'),
      ]);
      showSettings(settings);
      const mine = recoveredOf(listed.items);
      clear(summary, h('h2', { text: 'Recovered' }),
        h('p', { id: 'waitlist-recovered-type', text: `${mine.count} booking${mine.count === 1 ? '' : 's'} of this type came from the waitlist: ${moneyText(mine.value)}.` }),
        h('p', { class: 'muted', id: 'waitlist-recovered-all', text: `All your types: ${report.recoveredBookings} booking${report.recoveredBookings === 1 ? '' : 's'}, ${moneyText(report.recoveredValue)}.` }));
      showEntries(listed.items.filter((e) => ACTIVE.includes(e.status)), listed.complete);
    } catch (e) {
      clear(message, errorBox(e, 'The waitlist could not be loaded'));
    }
  }

  function showSettings(settings) {
    const enabled = checkbox({ id: 'waitlist-enabled', label: 'Customers may join the waitlist of a full day', checked: settings.enabled });
    const windowField = field({
      id: 'waitlist-claim-window', label: 'Claim window (minutes)', type: 'number', value: String(settings.claimWindowMinutes),
      hint: 'How long a freed time is held for the customer it is offered to: 2 to 1440 minutes.',
      attrs: { min: '2', max: '1440', step: '1', inputmode: 'numeric' },
    });
    const result = h('div', { id: 'waitlist-settings-result' });
    const save = h('button', { type: 'submit', id: 'waitlist-save' }, 'Save waitlist settings');
    async function onSave(event) {
      event.preventDefault();
      clear(result);
      const text = windowField.control.value.trim();
      const minutes = Number(text);
      if (!reportErrors([windowField], /^\d+$/.test(text) && minutes >= 2 && minutes <= 1440 ? []
        : [[windowField, 'Whole minutes from 2 to 1440.']])) {
        return;
      }
      save.disabled = true;
      try {
        const saved = await call('PUT', `/api/v1/booking-types/${enc(type.id)}/waitlist`,
          { enabled: enabled.control.checked, claimWindowMinutes: minutes });
        clear(result, okBox('Waitlist settings saved',
          h('p', { text: saved.enabled ? `On; a freed time is held ${saved.claimWindowMinutes} minutes.` : 'Off: the booking page offers no waitlist; entries already on it stay.' })));
      } catch (e) {
        clear(result, errorBox(e, 'The waitlist settings could not be saved'));
      } finally {
        save.disabled = false;
      }
    }
    clear(settingsBox, h('form', { id: 'waitlist-settings-form', novalidate: true, onsubmit: onSave },
      h('fieldset', {}, h('legend', { text: 'Settings' }), enabled.wrapper, windowField.wrapper, result,
        h('div', { class: 'actions' }, save))));
  }

  function showEntries(entries, complete) {
    if (entries.length === 0) {
      clear(entriesBox, h('p', { class: 'empty', id: 'waitlist-empty', text: 'Nobody is waiting.' }));
      return;
    }
    clear(entriesBox, h('ul', { class: 'item-list', id: 'waitlist-list' }, entries.map(entryItem)),
      complete ? null : h('p', { class: 'muted', text: 'Showing the first 1,000 entries.' }));
  }

  function entryItem(e) {
    const slots = h('ul', { class: 'slot-list', id: `offer-slots-${e.id}`, 'aria-label': `Free times for ${e.customerName}`, hidden: true });
    const result = h('div', {});
    const status = e.status === 'OFFERED'
      ? `Offered ${formatShortDateTime(e.offer.start, e.timeZone)}, held until ${formatShortDateTime(e.offer.expiresAt, e.timeZone)}`
      : 'Waiting';
    const offerButton = e.status === 'WAITING' ? h('button', {
      type: 'button', class: 'secondary', 'data-offer': e.id, 'aria-expanded': 'false',
      'aria-controls': `offer-slots-${e.id}`,
      onclick: async () => {
        offerButton.setAttribute('aria-expanded', 'true');
        slots.hidden = false;
        await showFreeSlots({
          list: slots, typeId: type.id, date: e.wish.date || localDate(e.wish.start, e.timeZone), zone: e.timeZone,
          onPick: (slot) => offer(e, slot, result),
        });
        const first = slots.querySelector('button');
        if (first) {
          first.focus();
        }
      },
    }, 'Offer a time') : null;
    return h('li', { class: 'item', 'data-entry-id': e.id },
      h('div', { class: 'item-head' },
        h('span', { class: 'item-title', text: e.customerName }),
        h('span', { class: 'muted', text: status })),
      h('span', {}, h('a', { href: `mailto:${e.customerEmail}`, text: e.customerEmail })),
      h('span', { text: `Wants ${wishText(e)} (${e.timeZone})` }),
      h('span', { class: 'muted', text: `Waiting since ${formatShortDateTime(e.joinedAt, e.timeZone)}` }),
      h('div', { class: 'actions' }, offerButton,
        h('button', { type: 'button', class: 'danger', 'data-remove': e.id, onclick: () => remove(e, result) }, 'Remove')),
      slots, result);
  }

  async function offer(e, slot, result) {
    clear(result);
    try {
      const answer = await call('POST', `/api/v1/waitlist/entries/${enc(e.id)}/offer`, { start: slot.start });
      await load(okBox('Time offered', h('p', {
        id: 'offer-sent',
        text: `${formatDateTime(slot.start, e.timeZone)} is held for ${e.customerName} until ${formatShortDateTime(answer.entry.offer.expiresAt, e.timeZone)}; the offer mail with the claim link is on its way to ${e.customerEmail}.`,
      })));
    } catch (err) {
      clear(result, errorBox(err, 'The time could not be offered'));
    }
  }

  function remove(e, result) {
    clear(result, h('div', { class: 'alert alert-warn', role: 'alert' },
      h('p', { text: `Take ${e.customerName} off the waitlist?${e.status === 'OFFERED' ? ' The held time is released.' : ''}` }),
      h('div', { class: 'actions' },
        h('button', {
          type: 'button', class: 'danger', 'data-confirm-remove': e.id,
          onclick: async () => {
            try {
              await call('DELETE', `/api/v1/waitlist/entries/${enc(e.id)}`);
              await load(okBox('Removed from the waitlist', h('p', { text: e.customerName })));
            } catch (err) {
              clear(result, errorBox(err, 'The entry could not be removed'));
            }
          },
        }, 'Yes, remove'),
        h('button', { type: 'button', class: 'secondary', onclick: () => clear(result) }, 'Keep'))));
  }

  await load();
}
