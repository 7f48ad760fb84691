"""aigov: compare how jurisdictions govern artificial intelligence."""

__version__ = "0.1.0"
