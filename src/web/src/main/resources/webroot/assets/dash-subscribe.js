// Subscribe: a resource's calendar in calendar apps. The CalDAV address (read and write: bookings as events, events
// added there block time) and the read-only webcal feed, each with Copy; the feed issued anew (the old address stops)
// or revoked; the server address and user name for apps that discover calendars; short how-tos per app. Every
// address comes from the hub (GET /api/v1/resources/{id}/subscription, under its public URL), never from the
// browser's location. #subscribe/{resourceId} opens one resource.

import { enc } from './api.js';
import { h, clear, errorBox, field } from './dom.js';
import { call } from './dash-session.js';
import { copyable } from './dash-share.js';

function howTos(s) {
  const feed = s.feedUrl ? 'the feed address above' : 'a feed address (create one above)';
  const steps = [
    ['Apple Calendar (Mac, iPhone, iPad)', [
      'Mac: Calendar → Settings → Accounts → + → Other CalDAV Account; Account type "Manual".',
      'iPhone and iPad: Settings → Calendar → Accounts → Add Account → Other → Add CalDAV Account.',
      `User name ${s.login}, an app password, server address ${s.serverUrl}.`,
      `Read-only instead: File → New Calendar Subscription, and paste ${feed}.`]],
    ['Google Calendar', [
      'Google Calendar cannot log in to other CalDAV servers; it subscribes to the read-only feed.',
      `On the web: Other calendars → + → From URL, paste ${feed}, then "Add calendar".`,
      'Google refreshes subscribed calendars itself, every few hours.']],
    ['Outlook', [
      'Outlook does not speak CalDAV; it subscribes to the read-only feed.',
      `Outlook on the web or the new Outlook: Add calendar → Subscribe from web, paste ${feed}.`,
      `Classic Outlook for Windows: File → Account Settings → Internet Calendars → New, paste ${feed}.`]],
    ['Thunderbird', [
      'Calendar → New Calendar → On the Network.',
      `User name ${s.login}; location ${s.caldavUrl} (or the server address ${s.serverUrl} to find every calendar).`,
      '"Find Calendars", then give an app password when asked.']],
    ['DAVx5 (Android)', [
      '+ → Login with URL and user name.',
      `Base URL ${s.serverUrl}, user name ${s.login}, an app password.`,
      'Pick the calendars to sync; they then show in the phone\'s calendar app.']],
  ];
  return h('div', { id: 'subscribe-howtos' }, steps.map(([app, lines]) => h('details', { class: 'howto' },
    h('summary', { text: app }),
    h('ol', {}, lines.map((line) => h('li', { text: line }))))));
}

function panel(resource, target) {
  const status = h('div', { id: 'feed-status', 'aria-live': 'polite' });

  async function feedAction(method) {
    try {
      if (method === 'DELETE') {
        await call('DELETE', `/api/v1/resources/${enc(resource.id)}/subscription/feed`);
        await show(h('p', { role: 'status', text: 'Feed revoked: its address no longer works.' }));
      } else {
        const s = await call('POST', `/api/v1/resources/${enc(resource.id)}/subscription/feed`);
        await show(h('p', { role: 'status', text: 'New feed address issued; an earlier one no longer works.' }), s);
      }
    } catch (e) {
      clear(status, errorBox(e, 'The feed could not be changed'));
    }
  }

  async function show(notice, given) {
    let s = given;
    if (!s) {
      try {
        s = await call('GET', `/api/v1/resources/${enc(resource.id)}/subscription`);
      } catch (e) {
        clear(target, errorBox(e, 'The calendar addresses could not be loaded'));
        return;
      }
    }
    const heading = h('h2', { id: 'subscribe-heading', text: resource.name });
    clear(target,
      h('section', { class: 'card', 'aria-labelledby': 'subscribe-heading', 'data-resource-id': resource.id },
        heading,
        h('h3', { text: 'Calendar apps that sync (CalDAV)' }),
        h('p', { text: 'Bookings show as events; events you add there block that time for customers.' }),
        copyable({ label: 'CalDAV address', text: s.caldavUrl, name: 'caldav-url' }),
        copyable({ label: 'Server address', text: s.serverUrl, name: 'server-url' }),
        copyable({ label: 'User name', text: s.login, name: 'login' }),
        h('p', { class: 'hint' }, 'Use an app password, made under ',
          h('a', { href: '#credentials' }, 'Tokens & passwords'), ': it can be revoked alone, without changing your password.'),
        h('h3', { text: 'Read-only feed (webcal)' }),
        h('p', { text: 'For apps that only subscribe to an address (Google Calendar, Outlook). Anyone with the address can read the bookings\' times, so keep it private; replace it if it leaked.' }),
        s.feedUrl ? [copyable({ label: 'Feed address', text: s.feedUrl, name: 'feed-url' }),
          copyable({ label: 'Feed as webcal link', text: s.webcalUrl, name: 'webcal-url' })]
          : h('p', { class: 'muted', id: 'no-feed', text: 'No feed address yet.' }),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', id: 'issue-feed', onclick: () => feedAction('POST') },
            s.feedUrl ? 'Replace feed address' : 'Create feed address'),
          s.feedUrl ? h('button', {
            type: 'button', class: 'danger', id: 'revoke-feed', onclick: () => clear(status,
              h('div', { class: 'alert alert-warn', role: 'alert' },
                h('p', { text: 'Revoke the feed? Apps subscribed to it stop updating.' }),
                h('div', { class: 'actions' },
                  h('button', { type: 'button', class: 'danger', id: 'confirm-revoke-feed', onclick: () => feedAction('DELETE') }, 'Yes, revoke'),
                  h('button', { type: 'button', class: 'secondary', onclick: () => clear(status) }, 'Keep it')))),
          }, 'Revoke feed') : null),
        status,
        h('h3', { text: 'How to add it' }),
        howTos(s)));
    clear(status, notice || null);
  }

  return show();
}

export function subscribeView(container) {
  const heading = h('h1', { id: 'page-title', text: 'Subscribe in calendar apps' });
  const target = h('div', { id: 'subscribe-panel' });
  clear(container, heading, h('p', { text: 'See your bookings in Apple Calendar, Google Calendar, Outlook, Thunderbird or on Android.' }), target);
  (async () => {
    let resources;
    try {
      resources = (await call('GET', '/api/v1/resources?limit=100')).items;
    } catch (e) {
      clear(target, errorBox(e, 'The resources could not be loaded'));
      return;
    }
    if (resources.length === 0) {
      clear(target, h('p', { class: 'empty' }, 'No resources yet: ', h('a', { href: '#resources' }, 'create one'), ' first.'));
      return;
    }
    const wanted = decodeURIComponent(window.location.hash.split('/')[1] || '');
    const picker = field({
      id: 'subscribe-resource', label: 'Resource', kind: 'select',
      options: resources.map((r) => ({ value: r.id, text: r.name })),
      value: resources.some((r) => r.id === wanted) ? wanted : resources[0].id,
    });
    const body = h('div');
    const open = () => panel(resources.find((r) => r.id === picker.control.value), body);
    picker.control.addEventListener('change', open);
    clear(target, picker.wrapper, body);
    await open();
  })();
}
