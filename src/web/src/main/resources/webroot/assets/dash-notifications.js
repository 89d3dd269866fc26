// The notification log: the mail sent or owed for the provider's bookings (confirmations, reminders, changes,
// cancellations, notices to the provider), with its delivery state; the rendered mail when the local sink kept it.
// Above the list, the outbox figures: how many mails were sent, failed and are pending.

import { enc } from './api.js';
import { h, clear, errorBox } from './dom.js';
import { call, session } from './dash-session.js';
import { PagedList } from './dash-list.js';
import { formatDateTime } from './time.js';

const KIND_TEXT = {
  CONFIRMATION: 'Confirmation',
  REMINDER: 'Reminder',
  CANCELLATION: 'Cancellation',
  RESCHEDULE: 'Reschedule notice',
  PROVIDER_NEW_BOOKING: 'New booking (to you)',
  PROVIDER_CANCELLATION: 'Cancellation (to you)',
};
const STATE_CLASS = { SENT: 'CONFIRMED', FAILED: 'CANCELLED', PENDING: 'HELD', SKIPPED: 'EXPIRED' };

function kindText(n) {
  const base = KIND_TEXT[n.kind] || n.kind;
  if (n.kind === 'REMINDER' && n.reminderMinutes) {
    const minutes = n.reminderMinutes;
    return `${base}, ${minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`} before`;
  }
  return base;
}

export function notificationsView(container) {
  const zone = session.me.timeZone || 'UTC';
  const list = new PagedList({
    path: '/api/v1/notifications',
    id: 'notification-list',
    empty: 'No notifications yet.',
    renderItem: (n) => {
      const content = h('div', { class: 'notification-content' });
      const show = h('button', {
        type: 'button', class: 'link', 'aria-expanded': 'false', onclick: async () => {
          if (show.getAttribute('aria-expanded') === 'true') {
            clear(content);
            show.setAttribute('aria-expanded', 'false');
            return;
          }
          try {
            const entry = await call('GET', `/api/v1/notifications/${enc(n.id)}`);
            show.setAttribute('aria-expanded', 'true');
            clear(content, entry.content
              ? [h('p', {}, h('strong', { text: 'Subject: ' }), entry.content.subject),
                h('p', { class: 'mail-text', text: entry.content.text })]
              : h('p', { class: 'muted', text: 'Sent over SMTP; the content is not kept here.' }));
          } catch (e) {
            clear(content, errorBox(e, 'The mail could not be loaded'));
          }
        },
      }, 'Show mail');
      const when = n.sentAt ? `sent ${formatDateTime(n.sentAt, zone)}` : `due ${formatDateTime(n.dueAt, zone)}`;
      return h('li', { class: 'item', 'data-notification-id': n.id, 'data-booking-id': n.bookingId },
        h('div', { class: 'item-head' },
          h('span', { class: 'item-title', text: `${kindText(n)} to ${n.recipient}` }),
          h('span', { class: `status status-${STATE_CLASS[n.state] || ''}`, text: n.state })),
        h('span', { class: 'muted', text: [when, `booking ${n.bookingId}`, n.attempts > 1 ? `${n.attempts} attempts` : '']
          .filter(Boolean).join(' · ') }),
        n.lastError ? h('span', { class: 'field-error', text: n.lastError }) : null,
        h('span', {}, show), content);
    },
  });
  const figures = h('dl', { id: 'notification-figures', class: 'figures', 'aria-live': 'polite' });
  async function loadFigures() {
    try {
      const f = await call('GET', '/api/v1/notification-figures');
      clear(figures, ...[['sent', 'Sent', f.sent], ['failed', 'Failed', f.failed], ['pending', 'Pending', f.pending]]
        .map(([key, label, count]) => h('div', { class: `figure figure-${key}`, 'data-figure': key },
          h('dt', { text: label }), h('dd', { text: String(count) }))));
    } catch (e) {
      clear(figures, errorBox(e, 'The mail figures could not be loaded'));
    }
  }
  clear(container, h('h1', { id: 'page-title', text: 'Notifications' }),
    h('p', { text: 'Mail sent or owed for your bookings, latest due first.' }),
    figures,
    h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'secondary', onclick: () => { loadFigures(); list.reload(); },
    }, 'Refresh')),
    list.element);
  loadFigures();
  list.reload();
}
