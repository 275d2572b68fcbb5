"""The demo installation (`oversight demo`, run by `make run`): a council, its partners
and a person for every role, real committee papers imported through the importer, an
update round, meetings, indicators and stop-and-search figures. Everything it reads
ships in the package (`data/`), so it runs from an installed package as well as from a
checkout."""
