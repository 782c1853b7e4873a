"""fazhi: the platform for rule-of-law government construction offices (法治政府建设)."""

__version__ = "0.1.0"
