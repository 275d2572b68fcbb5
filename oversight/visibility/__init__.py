"""Who may see which records: one rule, in one place, for every app.

The public sees a record only when it is published, belongs to a public body and neither
it nor any record it hangs from is restricted. Signed-in staff (partner officers,
scrutiny officers) also see unpublished drafts and records of bodies that are not
public, but never a restricted record (or one under a restricted record) unless they are
concerned with it: a member of the organisation or body the record is about.
Administrators see everything. `docs/information-governance.md` says this for readers.
"""
