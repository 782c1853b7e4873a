"""Document generation: the ledger workbook (ledger_xlsx, 台账.xlsx) and official documents (official, 公文).

Pure writers over plain data objects; like the parser they must never import Django,
so the CLI (`fazhi parse --format xlsx`) works without the platform installed or configured.
"""

from fazhi.docgen.ledger_xlsx import LEDGER_HEADERS, ledger_rows, ledger_title, write_ledger

__all__ = ["LEDGER_HEADERS", "ledger_rows", "ledger_title", "write_ledger"]
