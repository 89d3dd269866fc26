// Webhook endpoints: create one (its signing secret is shown once), list them, and per endpoint: the delivery log
// (status, latency, the response's first bytes) with redelivery, a test event, secret rotation, disable/enable,
// delete. Every call goes through the webhook routes of the JSON API.

import { enc } from './api.js';
import {
  h, clear, checkbox, errorBox, okBox, field, reportErrors, focusHeading,
} from './dom.js';
import { call, session } from './dash-session.js';
import { formatDateTime } from './time.js';

const EVENT_TYPES = ['booking.created', 'booking.confirmed', 'booking.rescheduled', 'booking.cancelled',
  'booking.expired', 'booking.no_show', 'payment.succeeded', 'payment.refunded', 'waitlist.offered',
  'waitlist.claimed', 'calendar.connection_broken'];
const STATE_CLASS = { SUCCEEDED: 'CONFIRMED', FAILED: 'CANCELLED', PENDING: 'HELD' };
const LOG_PAGE = 20;

function secretBox(heading, secret, note) {
  const title = h('h3', { text: heading });
  const box = h('div', { class: 'alert alert-ok', role: 'status' }, title, h('p', { text: note }),
    h('code', { class: 'secret', id: 'webhook-secret', text: secret }),
    h('p', { class: 'muted', text: 'It is shown only this once. Store it where your receiver verifies signatures.' }));
  return { box, title };
}

function attemptText(a, zone) {
  const answer = a.status ? `HTTP ${a.status}` : (a.error || 'no answer');
  return [formatDateTime(a.at, zone), answer, `${a.latencyMillis} ms`].join(' · ');
}

// The delivery log of one endpoint, latest first, with "Show more" following the API's "next" cursor.
function deliveryLog(endpoint, zone, result) {
  const list = h('ul', { class: 'item-list', id: `deliveries-${endpoint.id}`, 'aria-label': 'Deliveries' });
  const status = h('div');
  let before = null;
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load(false) }, 'Show more');

  function row(d) {
    const last = d.log.length ? d.log[d.log.length - 1] : null;
    const redeliver = d.state === 'PENDING' ? null : h('button', {
      type: 'button', class: 'secondary', 'data-redeliver': d.id, onclick: async () => {
        redeliver.disabled = true;
        try {
          await call('POST', `/api/v1/webhook-deliveries/${enc(d.id)}/redeliver`);
          clear(result, okBox('Redelivery queued', h('p', { text: `Event ${d.eventId} is sent again, with the same id.` })));
          load(true);
        } catch (e) {
          redeliver.disabled = false;
          clear(result, errorBox(e, 'Could not redeliver'));
        }
      },
    }, 'Redeliver');
    return h('li', { class: 'item', 'data-delivery-id': d.id, 'data-state': d.state },
      h('div', { class: 'item-head' },
        h('span', { class: 'item-title', text: d.eventId }),
        h('span', { class: `status status-${STATE_CLASS[d.state] || ''}`, text: d.state })),
      h('span', { class: 'muted', text: `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`
        + (d.state === 'PENDING' ? ` · next ${formatDateTime(d.nextAttemptAt, zone)}` : '') }),
      last ? h('span', { class: 'delivery-last', text: attemptText(last, zone) }) : null,
      last && last.responseStart ? h('code', { class: 'secret delivery-response', text: last.responseStart }) : null,
      redeliver ? h('span', {}, redeliver) : null);
  }

  async function load(fresh) {
    if (fresh) {
      before = null;
      clear(list);
    }
    more.disabled = true;
    try {
      const page = await call('GET', `/api/v1/webhook-endpoints/${enc(endpoint.id)}/deliveries?limit=${LOG_PAGE}`
        + (before ? `&before=${encodeURIComponent(before)}` : ''));
      page.items.forEach((d) => list.append(row(d)));
      before = page.next;
      more.hidden = page.items.length < LOG_PAGE;
      clear(status, list.children.length === 0 ? h('p', { class: 'empty', text: 'No deliveries yet.' }) : null);
    } catch (e) {
      clear(status, errorBox(e, 'The delivery log could not be loaded'));
    } finally {
      more.disabled = false;
    }
  }

  return {
    element: h('div', { class: 'delivery-log' }, h('h3', { text: 'Delivery log' }), list, status,
      h('div', { class: 'actions' }, more)),
    reload: () => load(true),
  };
}

function endpointItem(endpoint, zone, result, reloadAll) {
  const log = deliveryLog(endpoint, zone, result);
  const details = h('div', { hidden: true }, log.element);
  const toggle = h('button', {
    type: 'button', class: 'link', 'aria-expanded': 'false', 'data-log-for': endpoint.id, onclick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      details.hidden = !open;
      if (open) {
        log.reload();
      }
    },
  }, 'Delivery log');
  async function act(button, method, path, body, done) {
    button.disabled = true;
    try {
      done(await call(method, path, body));
    } catch (e) {
      clear(result, errorBox(e, 'That did not work'));
    } finally {
      button.disabled = false;
    }
  }
  const base = `/api/v1/webhook-endpoints/${enc(endpoint.id)}`;
  const test = h('button', {
    type: 'button', class: 'secondary', 'data-action': 'test', onclick: () => act(test, 'POST', `${base}/test`, undefined, () => {
      clear(result, okBox('Test event queued', h('p', { text: `A webhook.test event is on its way to ${endpoint.url}.` })));
      if (!details.hidden) {
        setTimeout(log.reload, 1000);
      }
    }),
  }, 'Send test event');
  const rotate = h('button', {
    type: 'button', class: 'secondary', 'data-action': 'rotate', onclick: () => act(rotate, 'POST', `${base}/rotate-secret`, undefined, (e) => {
      const shown = secretBox('Secret rotated', e.secret,
        'The new signing secret (the old one keeps signing too for 24 hours):');
      clear(result, shown.box);
      focusHeading(shown.title);
    }),
  }, 'Rotate secret');
  const onOff = h('button', {
    type: 'button', class: 'secondary', 'data-action': 'enabled', onclick: () => act(onOff, 'PATCH', base, { enabled: !endpoint.enabled }, (e) => {
      clear(result, okBox(e.enabled ? 'Endpoint enabled' : 'Endpoint disabled', h('p', { text: e.url })));
      reloadAll();
    }),
  }, endpoint.enabled ? 'Disable' : 'Enable');
  const actions = h('div', { class: 'actions' });
  const remove = h('button', {
    type: 'button', class: 'danger', 'data-action': 'delete', onclick: () => {
      const yes = h('button', {
        type: 'button', class: 'danger', 'data-action': 'delete-confirm', onclick: () => act(yes, 'DELETE', base, undefined, () => {
          clear(result, okBox('Endpoint deleted', h('p', { text: endpoint.url })));
          reloadAll();
        }),
      }, 'Yes, delete');
      remove.replaceWith(h('span', {}, h('span', { text: 'Delete? Pending deliveries are dropped. ' }), yes));
    },
  }, 'Delete');
  const state = endpoint.enabled ? 'ENABLED' : 'DISABLED';
  return h('li', { class: 'item', 'data-endpoint-id': endpoint.id },
    h('div', { class: 'item-head' },
      h('span', { class: 'item-title', text: endpoint.url }),
      h('span', { class: `status status-${endpoint.enabled ? 'CONFIRMED' : 'CANCELLED'}`, text: state })),
    endpoint.description ? h('span', { text: endpoint.description }) : null,
    h('span', { class: 'muted', text: endpoint.events.join(', ') }),
    endpoint.disabledReason ? h('span', { class: 'field-error', text: `Disabled by the hub: ${endpoint.disabledReason}` }) : null,
    endpoint.failingSince ? h('span', { class: 'muted', text: `Failing since ${formatDateTime(endpoint.failingSince, zone)}` }) : null,
    clear(actions, toggle, test, rotate, onOff, remove),
    details);
}

export function webhooksView(container) {
  const zone = session.me.timeZone || 'UTC';
  const result = h('div', { id: 'webhook-result', 'aria-live': 'polite' });
  const list = h('ul', { class: 'item-list', id: 'webhook-list' });
  const listStatus = h('div');
  const url = field({
    id: 'webhook-url', label: 'URL', type: 'url', hint: 'Where Dovetail posts the events: https://…',
    attrs: { required: true, maxlength: '2048' },
  });
  const description = field({ id: 'webhook-description', label: 'Description', attrs: { maxlength: '200' } });
  const boxes = EVENT_TYPES.map((type) => checkbox({ id: `webhook-event-${type.replace(/[._]/g, '-')}`, label: type, checked: true }));
  const eventsError = h('p', { id: 'webhook-events-error', class: 'field-error', hidden: true });
  const create = h('button', { type: 'submit', id: 'webhook-create' }, 'Add endpoint');

  async function reload() {
    try {
      const answer = await call('GET', '/api/v1/webhook-endpoints');
      clear(list);
      for (const endpoint of answer.items) {
        list.append(endpointItem(endpoint, zone, result, reload));
      }
      clear(listStatus, answer.items.length === 0 ? h('p', { class: 'empty', text: 'No endpoints yet.' }) : null);
    } catch (e) {
      clear(listStatus, errorBox(e, 'The endpoints could not be loaded'));
    }
  }

  const form = h('form', {
    id: 'webhook-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const events = EVENT_TYPES.filter((type, i) => boxes[i].control.checked);
      const target = url.control.value.trim();
      eventsError.hidden = events.length > 0;
      eventsError.textContent = events.length > 0 ? '' : 'Choose at least one event.';
      if (!reportErrors([url], target ? [] : [[url, 'Enter the URL that receives the events.']]) || events.length === 0) {
        return;
      }
      create.disabled = true;
      try {
        const made = await call('POST', '/api/v1/webhook-endpoints',
          { url: target, events, description: description.control.value.trim() || undefined });
        url.control.value = '';
        description.control.value = '';
        const shown = secretBox(`Endpoint added: ${made.url}`, made.secret, 'Its signing secret:');
        clear(result, shown.box);
        focusHeading(shown.title);
        reload();
      } catch (e) {
        clear(result, errorBox(e, 'Could not add the endpoint'));
      } finally {
        create.disabled = false;
      }
    },
  }, url.wrapper, description.wrapper,
  h('fieldset', { class: 'event-checks' }, h('legend', { text: 'Events' }), boxes.map((b) => b.wrapper), eventsError),
  h('div', { class: 'actions' }, create));

  clear(container, h('h1', { id: 'page-title', text: 'Webhooks' }),
    h('p', { text: 'Dovetail posts signed events (Standard Webhooks) to these URLs. Receivers verify the signature '
      + 'with the endpoint\'s secret and dedupe on the webhook-id header.' }),
    h('section', { 'aria-labelledby': 'webhook-new-heading', class: 'card' },
      h('h2', { id: 'webhook-new-heading', text: 'Add an endpoint' }), form),
    result,
    h('section', { 'aria-labelledby': 'webhook-list-heading', class: 'card' },
      h('h2', { id: 'webhook-list-heading', text: 'Endpoints' }), list, listStatus));
  reload();
}
