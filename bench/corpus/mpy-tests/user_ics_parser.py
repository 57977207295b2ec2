# stenjo/dot-matrix-calendar ics_parser: ICS class parsing an iCalendar string (multi-file parser library).
from ics_parser import ICS

text = """BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
DTSTART:20240105T100000Z
DTEND:20240105T110000Z
SUMMARY:Standup
END:VEVENT
BEGIN:VEVENT
DTSTART:20240103T090000Z
DTEND:20240103T093000Z
SUMMARY:Review
END:VEVENT
END:VCALENDAR
"""
c = ICS()
print(c.parseIcs(text), c.getCount())
print(c.getFirst())
print(c.getNext())
print(c.getEventAt(0), c.getCurrent())
print(c.setCurrentEvent(1), c.getCurrent())
print(c.setStartDate("20240104T000000Z"), c.setEndDate("20240110T000000Z"))
c.reset()
print(c.getCount())
