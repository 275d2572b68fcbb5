"""Connecting to a council's ModernGov site: its committees followed, each mapped to a
body in the directory; their meetings, agendas, attendance, decisions and minutes synced
into `oversight.meetings`; their papers downloaded and queued through the importer
(`oversight.ingest`) for a scrutiny officer to check. See docs/architecture.md
("ModernGov") and /docs/decisions/0008-moderngov.md."""
