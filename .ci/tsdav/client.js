// Drives tsdav against a running hub and prints one JSON line of findings.
// Usage: node client.js BASE_URL USER PASSWORD FREE_START_ISO
const { DAVClient } = require('tsdav');

const [baseUrl, username, password, freeStart] = process.argv.slice(2);
const out = {};

function event(uid, start, summary) {
  const fmt = (d) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const end = new Date(start.getTime() + 3600 * 1000);
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//tsdav interop//EN', 'BEGIN:VEVENT', `UID:${uid}`,
    'DTSTAMP:20260101T000000Z', `DTSTART:${fmt(start)}`, `DTEND:${fmt(end)}`, `SUMMARY:${summary}`, 'END:VEVENT',
    'END:VCALENDAR', ''].join('\r\n');
}

(async () => {
  const client = new DAVClient({
    serverUrl: baseUrl,
    credentials: { username, password },
    authMethod: 'Basic',
    defaultAccountType: 'caldav',
  });
  await client.login();
  out.principal = client.account.principalUrl;
  out.home = client.account.homeUrl;
  const calendars = await client.fetchCalendars();
  out.calendars = calendars.map((c) => c.url);
  const calendar = calendars.find((c) => c.url.endsWith('/demo-room/'));
  out.ctag = calendar.ctag;
  out.syncToken = calendar.syncToken;

  const start = new Date(freeStart);
  const created = await client.createCalendarObject({
    calendar, filename: 'tsdav-1.ics', iCalString: event('tsdav-1@test', start, 'Created by tsdav'),
  });
  out.createStatus = created.status;

  const inRange = await client.fetchCalendarObjects({
    calendar,
    timeRange: { start: new Date(start.getTime() - 60000).toISOString(), end: new Date(start.getTime() + 1800000).toISOString() },
  });
  out.inRange = inRange.map((o) => o.url);
  const mine = inRange.find((o) => o.url.endsWith('/tsdav-1.ics'));
  out.etag = mine && mine.etag;

  const updated = await client.updateCalendarObject({
    calendarObject: { url: mine.url, etag: mine.etag, data: event('tsdav-1@test', start, 'Updated by tsdav') },
  });
  out.updateStatus = updated.status;
  const stale = await client.updateCalendarObject({
    calendarObject: { url: mine.url, etag: mine.etag, data: event('tsdav-1@test', start, 'Stale write') },
  });
  out.staleStatus = stale.status;

  const synced = await client.syncCalendars({ oldCalendars: calendars, detailedResult: true });
  out.syncUpdated = synced.updated.map((c) => c.url);

  const fresh = (await client.fetchCalendarObjects({ calendar, objectUrls: [mine.url] }))[0];
  const deleted = await client.deleteCalendarObject({ calendarObject: { url: fresh.url, etag: fresh.etag } });
  out.deleteStatus = deleted.status;
  const after = await client.fetchCalendarObjects({ calendar });
  out.afterDelete = after.map((o) => o.url);
  console.log(JSON.stringify(out));
})().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(1);
});
