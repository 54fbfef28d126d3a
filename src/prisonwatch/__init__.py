"""prisonwatch: an honest, sourced ledger of political imprisonment."""

__version__ = "0.1.0"
