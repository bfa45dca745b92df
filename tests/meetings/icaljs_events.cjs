// Reads .ics files with ical.js (the parser of several web calendars) and
// prints each event's UID and start as JSON: an ISO instant in UTC for a timed
// event, YYYY-MM-DD for an all-day one. Used by tests/meetings/test_calendar_clients.py.
"use strict";

const fs = require("fs");
const ICAL = require("ical.js");

const files = process.argv.slice(2);
const out = files.map((file) => {
  const component = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
  return {
    file: file,
    name: component.getFirstPropertyValue("x-wr-calname"),
    events: component.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      const start = event.startDate;
      return {
        uid: event.uid,
        allDay: start.isDate,
        start: start.isDate ? start.toString() : start.toJSDate().toISOString(),
      };
    }),
  };
});
process.stdout.write(JSON.stringify(out));
