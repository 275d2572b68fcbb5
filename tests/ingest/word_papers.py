"""The probe papers of `other_publishers_papers.py` written in Word (`word_render.py`),
and the PDFs LibreOffice makes of them, kept in `corpus/word/` because the tests run
where LibreOffice is not installed.

After changing `word_render.py` or a paper, make the PDFs again (needs LibreOffice):

    python -m tests.ingest.word_papers
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from . import other_publishers_papers as P
from .word_render import as_officer_docx

PDFS = Path(__file__).resolve().parent / "corpus" / "word"

# name (as the gold file is named) -> the paper's blocks and its page furniture.
PAPERS = {
    "marlow-fields-health-scrutiny-minutes-2024-10-08": (P.MARLOW_MINUTES, P.MARLOW_FURNITURE),
    "ashcombe-valley-trust-board-minutes-2024-07-25": (P.ASHCOMBE_BOARD, P.ASHCOMBE_FURNITURE),
    "northmere-danby-icb-board-agenda-2024-11-13": (
        P.NORTHMERE_ICB_AGENDA,
        P.NORTHMERE_FURNITURE,
    ),
    "dft-response-rural-bus-services-2024": (P.GOV_RESPONSE, P.GOV_RESPONSE_FURNITURE),
    "oakhaven-empty-homes-cabinet-response-2024": (P.OAKHAVEN_RESPONSE, P.OAKHAVEN_FURNITURE),
    "dhsc-response-dentistry-2024": (P.DHSC_RESPONSE, P.DHSC_FURNITURE),
    "kestrel-community-trust-board-agenda-2025-03-04": (
        P.KESTREL_TRUST_AGENDA,
        P.KESTREL_FURNITURE,
    ),
    "elmstead-school-streets-cabinet-response-2025": (P.ELMSTEAD_RESPONSE, P.ELMSTEAD_FURNITURE),
    "wyvern-icb-board-minutes-2025-01-21": (P.WYVERN_ICB_MINUTES, P.WYVERN_FURNITURE),
    "home-office-response-neighbourhood-policing-2024": (
        P.HOME_OFFICE_RESPONSE,
        P.HOME_OFFICE_FURNITURE,
    ),
    "brackendale-scrutiny-agenda-2025-02-05": (P.BRACKENDALE_AGENDA, P.BRACKENDALE_FURNITURE),
    "claybury-scrutiny-minutes-2024-12-02": (P.CLAYBURY_MINUTES, P.CLAYBURY_FURNITURE),
    "hollybank-trust-board-minutes-2024-12-11": (P.HOLLYBANK_BOARD, P.HOLLYBANK_FURNITURE),
    "farleigh-hwb-agenda-2025-01-16": (P.FARLEIGH_HWB_AGENDA, P.FARLEIGH_FURNITURE),
    "westshire-care-scrutiny-minutes-2025-01-15": (P.WESTSHIRE_MINUTES, P.WESTSHIRE_FURNITURE),
    "dcms-response-local-museums-2025": (P.DCMS_RESPONSE, P.DCMS_FURNITURE),
    "south-downs-jhosc-agenda-2025-03-07": (P.JHOSC_AGENDA, P.JHOSC_FURNITURE),
    "vale-downs-police-crime-panel-minutes-2025-02-06": (
        P.THAMESMEAD_PCP_MINUTES,
        P.THAMESMEAD_FURNITURE,
    ),
    "greenway-gp-access-review-2024": (P.GREENWAY_REVIEW, P.GREENWAY_FURNITURE),
    "dluhc-response-social-housing-repairs-2025": (P.DLUHC_RESPONSE, P.DLUHC_FURNITURE),
    "severn-vale-icb-primary-care-minutes-2025-02-12": (
        P.SEVERN_ICB_MINUTES,
        P.SEVERN_FURNITURE,
    ),
    "ravenhill-cyp-scrutiny-agenda-2025-03-11": (P.RAVENHILL_AGENDA, P.RAVENHILL_FURNITURE),
    "orchard-quality-committee-minutes-2025-03-03": (
        P.ORCHARD_QUALITY_MINUTES,
        P.ORCHARD_FURNITURE,
    ),
    "kingstowe-youth-services-executive-response-2025": (
        P.KINGSTOWE_RESPONSE,
        P.KINGSTOWE_FURNITURE,
    ),
}


def as_docx(name: str, folder: Path) -> Path:
    blocks, furniture = PAPERS[name]
    return as_officer_docx(blocks, folder / f"{name}.docx", furniture)


def make_pdfs(names: list[str]) -> None:
    """Each paper's DOCX converted by LibreOffice, into `corpus/word/`."""
    PDFS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            docx = as_docx(name, Path(tmp))
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(PDFS), str(docx)],
                check=True,
                capture_output=True,
            )


if __name__ == "__main__":
    make_pdfs(sys.argv[1:] or sorted(PAPERS))
