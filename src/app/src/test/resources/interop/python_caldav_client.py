"""Drives Debian's python3-caldav against a running hub and prints one JSON line of findings.

Usage: python3 python_caldav_client.py URL USER PASSWORD START_UTC CLASH_START_UTC
START_UTC is a free hour (yyyymmddThhmmssZ); CLASH_START_UTC is the start of a booking.
"""
import json
import sys
from datetime import datetime, timedelta, timezone

import caldav
from caldav.lib import error

url, user, password, start, clash = sys.argv[1:6]
fmt = "%Y%m%dT%H%M%SZ"
begin = datetime.strptime(start, fmt).replace(tzinfo=timezone.utc)
out = {}


def event(uid, at):
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//interop//EN\r\nBEGIN:VEVENT\r\nUID:%s\r\n"
            "DTSTAMP:20260101T000000Z\r\nDTSTART:%s\r\nDTEND:%s\r\nSUMMARY:interop\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n") % (uid, at.strftime(fmt), (at + timedelta(hours=1)).strftime(fmt))


client = caldav.DAVClient(url=url, username=user, password=password)
principal = client.principal()
out["principal"] = str(principal.url)
calendars = principal.calendars()
out["calendars"] = sorted(str(c.url) for c in calendars)
cal = [c for c in calendars if str(c.url).rstrip("/").endswith("demo-room")][0]

sync = cal.objects_by_sync_token(load_objects=False)
out["initial_objects"] = len(list(sync))

created = cal.save_event(event("interop-1@test", begin))
out["created_url"] = str(created.url)

out["by_uid"] = str(cal.event_by_uid("interop-1@test").url)

found = cal.date_search(start=begin - timedelta(minutes=1), end=begin + timedelta(minutes=30), expand=False)
out["found_in_range"] = [str(e.url) for e in found]

updated, deleted = sync.sync()
out["sync_updated"] = [str(o.url) for o in updated]
out["sync_deleted"] = [str(o.url) for o in deleted]

try:
    cal.save_event(event("interop-clash@test", datetime.strptime(clash, fmt).replace(tzinfo=timezone.utc)))
    out["clash"] = "accepted"
except error.DAVError as e:
    out["clash"] = "refused"

created.load()
created.delete()
updated, deleted = sync.sync()
out["sync_after_delete_deleted"] = [str(o.url) for o in deleted]

# A task list (RFC 4791 5.2.3): made for VTODO, a task saved, searched (pending, by time, all), completed and deleted.
# MKCALENDAR stays all or nothing: a calendar asked to hold what the hub cannot store is refused whole.
due = begin + timedelta(days=1)
tasks = principal.make_calendar(name="Py tasks", cal_id="py-tasks", supported_calendar_component_set=["VTODO"])
todo = tasks.save_todo(ical=("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//interop//EN\r\nBEGIN:VTODO\r\n"
                             "UID:interop-todo@test\r\nDTSTAMP:20260101T000000Z\r\nDUE:%s\r\n"
                             "SUMMARY:interop task\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")
                       % due.strftime(fmt))
out["todo_url"] = str(todo.url)
out["todos_pending"] = sorted(str(t.url) for t in tasks.todos())
out["todos_due_in_range"] = sorted(str(t.url) for t in tasks.search(
    todo=True, include_completed=True, start=due - timedelta(hours=1), end=due + timedelta(hours=1)))
out["todos_due_elsewhere"] = sorted(str(t.url) for t in tasks.search(
    todo=True, include_completed=True, start=due + timedelta(hours=1), end=due + timedelta(hours=2)))
try:
    tasks.save_event(event("interop-in-tasks@test", begin))
    out["event_in_tasks"] = "accepted"
except error.DAVError:
    out["event_in_tasks"] = "refused"
todo.complete()
out["todos_pending_after_complete"] = sorted(str(t.url) for t in tasks.todos())
out["todos_all_after_complete"] = sorted(str(t.url) for t in tasks.todos(include_completed=True))
out["completed_status"] = "STATUS:COMPLETED" in tasks.todo_by_uid("interop-todo@test").data
todo.delete()
out["todos_after_delete"] = sorted(str(t.url) for t in tasks.todos(include_completed=True))
tasks.delete()
try:
    principal.make_calendar(name="Py odd", cal_id="py-odd", supported_calendar_component_set=["VEVENT", "VFREEBUSY"])
    out["odd_calendar"] = "created"
except error.DAVError:
    out["odd_calendar"] = "refused"
made = principal.make_calendar(name="Py events", cal_id="py-events")
out["made_calendars"] = sorted(str(c.url) for c in principal.calendars())
out["made_event"] = str(made.save_event(event("interop-made@test", begin)).url)
made.delete()
out["calendars_after_delete"] = sorted(str(c.url) for c in principal.calendars())
print(json.dumps(out))
