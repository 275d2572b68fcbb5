"""Stop and search: data.police.uk's monthly records, assigned to areas and summarised
by the Home Office's method (contracts/stopsearch.md).

- `sources`: finding and checking the CSV files in ZIPs, plain or gzipped CSVs, folders.
- `boundaries`: area polygons (GeoJSON) and point-in-polygon assignment.
- `census`: Census 2021 residents by the five ethnic groups (shipped in `data/`).
- `store`: the DuckDB store, its tables and the areas it assigns; `importing`: the import
  (`Store(path).import_paths(...)`) and its report; `progress`: how an import reports its
  progress.
- `definitions`: the definitions as SQL, the arithmetic, and area/force resolution.
- `summary`: the contract's summary; `dashboard`: the other figures the pages need.
- `management/commands/stopsearch.py`: `oversight stopsearch import|summary`.
- The pages (`urls`, `views`, `forms`, templates): an area's dashboard for a period, built
  by `report` (and `report_ethnicity`) from `tables` (cells kept as shown and as CSV),
  with `charts` (server-rendered, accessible SVG) and plain-English caveats.
- `demo`: the real sample imported for the demo (`add_demo_stopsearch`).

Nothing here uses Django models: the records live in their own DuckDB file, kept apart
from the main database because they are bulk, read-mostly and analysed by column.
"""
