"""Backups: `oversight backup FILE` writes one archive of everything an installation
keeps (the database, the stop-and-search store, the uploaded files); `oversight restore
FILE` puts it back into an empty installation, refusing a damaged or mismatched one."""
