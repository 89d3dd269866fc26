// Notifications, split in two: "Activity", the mail that went out, failed or was skipped, latest first; and
// "Scheduled mail", what will go out, soonest first, without what will not (a cancelled booking's reminders; the
// server decides, GET /api/v1/notifications?view=activity|scheduled). Each names the customer and the booking's time
// in the provider's zone. How this hub delivers mail comes from the server: over SMTP, or (no SMTP configured) not
// at all, kept in the local sink, whose rendered mail can be read here.

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
  PROVIDER_CALENDAR_CONFLICT: 'Calendar clash (to you)',
  WAITLIST_JOINED: 'Waitlist welcome',
  WAITLIST_OFFER: 'Waitlist offer',
  PROVIDER_CALENDAR_BROKEN: 'Calendar connection broken (to you)',
  PROVIDER_WEBHOOK_DISABLED: 'Webhook disabled (to you)',
  PROVIDER_PASSWORD_RESET: 'Password reset link (to you)',
  PROVIDER_PASSWORD_CHANGED: 'Password changed (to you)',
};
const STATE_CLASS = { SENT: 'CONFIRMED', FAILED: 'CANCELLED', PENDING: 'HELD', SKIPPED: 'EXPIRED' };
const STATE_TEXT = { SENT: 'Sent', FAILED: 'Failed', PENDING: 'Pending', SKIPPED: 'Skipped' };

function kindText(n) {
  const base = KIND_TEXT[n.kind] || n.kind;
  if (n.kind === 'REMINDER' && n.reminderMinutes) {
    const minutes = n.reminderMinutes;
    return `${base}, ${minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`} before`;
  }
  return base;
}

/** What the page may say about how a mail went, from its state and the hub's delivery, never more. */
function deliveryText(n, delivery, zone) {
  if (n.state === 'PENDING') {
    return `Not sent yet: due ${formatDateTime(n.nextAttemptAt || n.dueAt, zone)}.`;
  }
  if (n.state === 'SKIPPED') {
    return `Not sent: ${n.lastError || 'it no longer applied'}.`;
  }
  if (n.state === 'FAILED') {
    return `Not delivered: ${n.lastError || 'the mail server refused it'}.`;
  }
  return delivery === 'SMTP' ? `Sent over SMTP ${formatDateTime(n.sentAt, zone)}.`
    : 'Not sent: this hub has no mail server (SMTP); the mail was kept in its local sink.';
}

function showMailButton(n, zone, delivery) {
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
        const current = entry.notification;
        show.setAttribute('aria-expanded', 'true');
        let body;
        if (entry.content) {
          body = [h('p', {}, h('strong', { text: 'Subject: ' }), entry.content.subject),
            h('p', { class: 'mail-text', text: entry.content.text })];
        } else if (current.kind === 'PROVIDER_PASSWORD_RESET') {
          body = h('p', { class: 'muted', text: 'It holds a password-reset link, so its content is never shown here.' });
        } else if (current.state === 'SENT' && entry.delivery === 'SMTP') {
          body = h('p', { class: 'muted', text: 'The content of mail sent over SMTP is not kept here.' });
        } else {
          body = h('p', { class: 'muted', text: 'There is no content to show: the mail was not written.' });
        }
        clear(content, h('p', { class: 'delivery', text: deliveryText(current, entry.delivery || delivery, zone) }), body);
      } catch (e) {
        clear(content, errorBox(e, 'The mail could not be loaded'));
      }
    },
  }, 'Show mail');
  return { show, content };
}

/** The list's title: to whom a customer's mail went; which customer a notice to the provider is about. */
function title(n) {
  if (n.kind.startsWith('PROVIDER_')) {
    return n.customerName ? `${kindText(n)}: ${n.customerName}` : kindText(n);
  }
  return `${kindText(n)} to ${n.customerName || n.recipient}`;
}

function renderItem(n, zone, delivery, scheduled) {
  const { show, content } = showMailButton(n, zone, delivery);
  const kept = n.state === 'SENT' && delivery !== 'SMTP';
  const when = scheduled ? `goes out ${formatDateTime(n.nextAttemptAt || n.dueAt, zone)}`
    : n.sentAt ? `${kept ? 'kept' : 'sent'} ${formatDateTime(n.sentAt, zone)}` : `was due ${formatDateTime(n.dueAt, zone)}`;
  return h('li', { class: 'item', 'data-notification-id': n.id, 'data-booking-id': n.bookingId, 'data-kind': n.kind },
    h('div', { class: 'item-head' },
      h('span', { class: 'item-title', text: title(n) }),
      h('span', { class: `status status-${STATE_CLASS[n.state] || ''}`, text: kept ? 'Kept, not sent' : STATE_TEXT[n.state] || n.state })),
    h('span', { class: 'muted', text: [when,
      n.bookingStart ? `booking ${formatDateTime(n.bookingStart, zone)}` : '',
      n.customerName ? n.recipient : '',
      n.attempts > 1 ? `${n.attempts} attempts` : ''].filter(Boolean).join(' · ') }),
    n.state === 'FAILED' || n.state === 'SKIPPED' ? h('span', { class: n.state === 'FAILED' ? 'field-error' : 'muted', text: n.lastError || '' }) : null,
    h('span', {}, show), content);
}

export function notificationsView(container) {
  const zone = session.me.timeZone || 'UTC';
  let delivery = null;
  const lists = [['activity', 'Activity', 'What happened: mail sent, failed or skipped, latest first.', 'No mail yet.'],
    ['scheduled', 'Scheduled mail', 'What will go out, soonest first. Reminders of cancelled or moved bookings are not here: they will not be sent.', 'Nothing is waiting to go out.']]
    .map(([view, title, intro, empty]) => ({
      view,
      title,
      intro,
      list: new PagedList({
        path: `/api/v1/notifications?view=${view}`,
        id: `${view}-list`,
        empty,
        renderItem: (n) => renderItem(n, zone, delivery, view === 'scheduled'),
      }),
    }));
  const figures = h('dl', { id: 'notification-figures', class: 'figures', 'aria-live': 'polite' });
  const deliveryNote = h('div', { id: 'mail-delivery' });
  async function loadFigures() {
    try {
      const f = await call('GET', '/api/v1/notification-figures');
      delivery = f.delivery;
      clear(deliveryNote, f.delivery === 'SMTP' ? null : h('div', { class: 'alert alert-warn', role: 'status' },
        h('p', { text: 'This hub has no mail server (SMTP) configured, so mails are not sent: they are kept here, '
          + 'where you can read them. The hub\'s operator sets DOVETAIL_SMTP_HOST to send them.' })));
      clear(figures, ...[['sent', 'Sent', f.sent], ['failed', 'Failed', f.failed], ['pending', 'Pending', f.pending]]
        .map(([key, label, count]) => h('div', { class: `figure figure-${key}`, 'data-figure': key },
          h('dt', { text: label }), h('dd', { text: String(count) }))));
    } catch (e) {
      clear(figures, errorBox(e, 'The mail figures could not be loaded'));
    }
  }
  async function reload() {
    await loadFigures();
    await Promise.all(lists.map((l) => l.list.reload()));
  }
  clear(container, h('h1', { id: 'page-title', text: 'Notifications' }),
    h('p', { text: `Mail for your bookings; times in ${zone}.` }),
    deliveryNote,
    figures,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'notifications-refresh', onclick: reload }, 'Refresh')),
    lists.map((l) => h('section', { class: 'card', 'aria-labelledby': `${l.view}-heading` },
      h('h2', { id: `${l.view}-heading`, text: l.title }),
      h('p', { class: 'hint', text: l.intro }),
      l.list.element)));
  reload();
}
