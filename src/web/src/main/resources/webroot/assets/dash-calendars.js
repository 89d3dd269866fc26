// Calendar connections (Google, Outlook): connect through the service's consent page, then choose which external
// calendars block which resources and which calendar receives bookings; see the sync state and bookings an external
// event landed on; disconnect. Every call goes through /api/v1/calendar-connections.

import { enc } from './api.js';
import {
  h, clear, errorBox, field, focusHeading, okBox,
} from './dom.js';
import { call, collect, session } from './dash-session.js';
import { formatDateTime } from './time.js';

const SERVICE_NAME = { google: 'Google Calendar', outlook: 'Outlook' };
const PATH = '/api/v1/calendar-connections';

function serviceName(service) {
  return SERVICE_NAME[service] || service;
}

function connectLink(service, label) {
  return h('a', {
    class: 'button', id: `connect-${service}`, href: `${PATH}/${enc(service)}/connect`,
  }, label || `Connect ${serviceName(service)}`);
}

export function calendarsView(container) {
  const zone = session.me.timeZone || 'UTC';
  const message = h('div', { id: 'calendars-message', 'aria-live': 'polite' });
  const connect = h('div', { class: 'actions', id: 'calendar-connect' });
  const connections = h('div', { id: 'calendar-connections', 'aria-busy': 'true' });
  const conflicts = h('div', { id: 'calendar-conflicts' });
  clear(container, h('h1', { id: 'page-title', text: 'Calendars' }),
    h('p', { text: 'Connect your Google or Outlook calendar: events there block your resources, and new bookings '
      + 'are written into the calendar you choose.' }),
    message, connect, connections, conflicts);

  let resources = [];

  function say(node) {
    clear(message, node);
  }

  async function load() {
    connections.setAttribute('aria-busy', 'true');
    try {
      const [answer, owned] = await Promise.all([call('GET', PATH), collect('/api/v1/resources')]);
      resources = owned.items;
      const connected = new Set(answer.items.map((c) => c.service));
      clear(connect, answer.availableServices.filter((s) => !connected.has(s)).map((s) => connectLink(s)));
      if (answer.availableServices.length === 0) {
        clear(connect, h('p', { class: 'muted', text: 'This hub has no calendar service configured.' }));
      }
      clear(connections, answer.items.length === 0
        ? h('p', { class: 'muted', id: 'no-connections', text: 'No calendar connected yet.' })
        : answer.items.map(connectionCard));
      clear(conflicts, conflictList(answer.conflictingBookings));
    } catch (e) {
      clear(connections, errorBox(e, 'The calendar connections could not be loaded'));
    } finally {
      connections.setAttribute('aria-busy', 'false');
    }
  }

  function resourceName(id) {
    const resource = resources.find((r) => r.id === id);
    return resource ? resource.name : id;
  }

  function conflictList(conflicting) {
    if (conflicting.length === 0) {
      return null;
    }
    return h('section', { class: 'card', 'aria-labelledby': 'conflicts-heading' },
      h('h2', { id: 'conflicts-heading', text: 'Bookings that clash with external events' }),
      h('p', { text: 'These bookings stay; an event in your external calendar was added over them later.' }),
      h('ul', { class: 'item-list', id: 'conflict-list' }, conflicting.map((c) => h('li', {
        class: 'item', 'data-booking-id': c.bookingId,
      }, h('span', { class: 'item-title', text: `Booking ${c.bookingId} on ${resourceName(c.resourceId)}` }),
      h('span', { class: 'muted', text: c.events.map((e) => `${formatDateTime(e.start, zone)} – ${formatDateTime(e.end, zone)}`)
        .join(' · ') })))));
  }

  function connectionCard(c) {
    const service = c.service;
    const headingId = `connection-${service}-heading`;
    const body = h('div', { id: `connection-${service}-calendars` });
    const card = h('section', { class: 'card', 'data-service': service, 'aria-labelledby': headingId },
      h('div', { class: 'item-head' },
        h('h2', { id: headingId, text: `${serviceName(service)} · ${c.account}` }),
        h('span', { class: `status status-${c.state}`, id: `connection-${service}-state`, text: c.state })),
      c.state === 'BROKEN'
        ? h('div', { class: 'alert alert-warn', role: 'status' },
          h('p', { text: `The connection is broken: ${c.brokenReason || 'the grant is no longer valid'}. `
            + 'Connect again to resume syncing.' }),
          h('div', { class: 'actions' }, connectLink(service, `Reconnect ${serviceName(service)}`)))
        : null,
      syncState(c),
      body,
      disconnectActions(c));
    if (c.state === 'CONNECTED') {
      chooser(c, body);
    }
    return card;
  }

  function syncState(c) {
    if (c.blocking.length === 0) {
      return h('p', { class: 'muted', text: 'No calendar blocks availability yet: choose below.' });
    }
    return h('ul', { class: 'sync-state', id: `connection-${c.service}-sync` }, c.blocking.map((b) => h('li', {},
      `${b.calendarId}: `,
      b.lastSyncedAt ? `synced ${formatDateTime(b.lastSyncedAt, zone)}` : 'not synced yet',
      b.push ? ', push on' : '',
      b.failures ? `, ${b.failures} failed ${b.failures === 1 ? 'attempt' : 'attempts'}${b.lastError ? ` (${b.lastError})` : ''}` : '')));
  }

  async function chooser(c, body) {
    const service = c.service;
    clear(body, h('p', { class: 'muted', text: 'Loading the account\'s calendars…' }));
    let calendars;
    try {
      calendars = (await call('GET', `${PATH}/${enc(service)}/calendars`)).items;
    } catch (e) {
      clear(body, errorBox(e, 'The account\'s calendars could not be loaded'));
      return;
    }
    const blocking = new Map(c.blocking.map((b) => [b.calendarId, new Set(b.resourceIds)]));
    const boxes = [];
    const fieldsets = calendars.map((cal, i) => {
      const chosen = blocking.get(cal.id) || new Set();
      const checks = resources.map((r) => {
        const id = `block-${service}-${i}-${r.id}`;
        const control = h('input', { id, type: 'checkbox', checked: chosen.has(r.id), 'data-calendar-id': cal.id, 'data-resource-id': r.id });
        boxes.push(control);
        return h('div', { class: 'check' }, control, h('label', { for: id, text: `blocks availability of ${r.name}` }));
      });
      const radioId = `target-${service}-${i}`;
      return h('fieldset', { 'data-calendar-id': cal.id },
        h('legend', { text: `${cal.name}${cal.primary ? ' (main calendar)' : ''}` }),
        checks.length ? checks : h('p', { class: 'muted', text: 'Create a resource first to let this calendar block it.' }),
        cal.writable
          ? h('div', { class: 'check' },
            h('input', { id: radioId, type: 'radio', name: `target-${service}`, value: cal.id, checked: c.targetCalendarId === cal.id }),
            h('label', { for: radioId, text: 'receives new bookings' }))
          : h('p', { class: 'muted', text: 'Read-only: cannot receive bookings.' }));
    });
    const noneId = `target-${service}-none`;
    const none = h('div', { class: 'check' },
      h('input', { id: noneId, type: 'radio', name: `target-${service}`, value: '', checked: !c.targetCalendarId }),
      h('label', { for: noneId, text: 'Do not write bookings into any calendar' }));
    const unreachable = field({
      id: `unreachable-${service}`,
      label: `When ${serviceName(service)} cannot be reached while a customer books`,
      kind: 'select',
      value: c.whenUnreachable,
      options: [
        { value: 'ACCEPT_LAST_SYNCED', text: 'Accept the booking if the last synced state shows the time free' },
        { value: 'REFUSE', text: 'Refuse the booking' },
      ],
    });
    const result = h('div', { id: `save-${service}-result`, 'aria-live': 'polite' });
    const save = h('button', { type: 'submit', id: `save-${service}` }, 'Save calendar choice');
    const form = h('form', {
      id: `choose-${service}`,
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const byCalendar = new Map();
        for (const box of boxes.filter((b) => b.checked)) {
          const list = byCalendar.get(box.dataset.calendarId) || [];
          list.push(box.dataset.resourceId);
          byCalendar.set(box.dataset.calendarId, list);
        }
        const target = form.querySelector(`input[name="target-${service}"]:checked`);
        const choice = {
          blocking: [...byCalendar].map(([calendarId, resourceIds]) => ({ calendarId, resourceIds })),
          targetCalendarId: target && target.value ? target.value : null,
          whenUnreachable: unreachable.control.value,
        };
        save.disabled = true;
        try {
          await call('PUT', `${PATH}/${enc(service)}`, choice);
          say(okBox('Calendar choice saved', h('p', { text: 'The chosen calendars are read in full shortly, then kept in sync.' })));
          await load();
          focusHeading(message.querySelector('h2'));
        } catch (e) {
          save.disabled = false;
          clear(result, errorBox(e, 'Could not save the calendar choice'));
        }
      },
    }, fieldsets,
    h('fieldset', {}, h('legend', { text: 'Bookings go to' }), none),
    unreachable.wrapper, h('div', { class: 'actions' }, save), result);
    clear(body, h('h3', { text: 'Choose calendars' }), calendars.length === 0
      ? h('p', { class: 'muted', text: 'The account has no calendars.' })
      : form);
  }

  function disconnectActions(c) {
    const service = c.service;
    const actions = h('div', { class: 'actions' });
    const disconnect = h('button', {
      type: 'button', class: 'secondary', id: `disconnect-${service}`, onclick: () => {
        const no = h('button', {
          type: 'button', class: 'link', onclick: () => { clear(actions, disconnect); disconnect.focus(); },
        }, 'Keep it');
        clear(actions,
          h('span', { text: `Disconnect ${serviceName(service)}? Its events stop blocking your resources. ` }),
          h('button', {
            type: 'button', class: 'danger', id: `confirm-disconnect-${service}`, onclick: async () => {
              try {
                await call('DELETE', `${PATH}/${enc(service)}`);
                say(okBox(`${serviceName(service)} disconnected`));
                await load();
                focusHeading(message.querySelector('h2'));
              } catch (e) {
                say(errorBox(e, 'Could not disconnect'));
              }
            },
          }, 'Yes, disconnect'),
          no);
        no.focus();
      },
    }, `Disconnect ${serviceName(service)}`);
    actions.append(disconnect);
    return actions;
  }

  load();
}
