"""Document generation: the ledger workbook (台账.xlsx) and, later, the annual report.

Pure writers over `fazhi.parsing.model` objects; like the parser they must never import Django,
so the CLI (`fazhi parse --format xlsx`) works without the platform installed or configured.
"""

from fazhi.docgen.ledger_xlsx import LEDGER_HEADERS, ledger_rows, ledger_title, write_ledger

__all__ = ["LEDGER_HEADERS", "ledger_rows", "ledger_title", "write_ledger"]
