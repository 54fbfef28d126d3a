"""Use cases: where the pure core meets storage. The CLI, API and web call only these."""
