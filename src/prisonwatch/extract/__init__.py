"""Reading English news articles into sourced claims, events, quotes and entities.

The contract is `../shared/design/EXTRACTION.md`. Each step is named and versioned
(`STEPS` in `pipeline.py`); every claim carries the extractor name and version.
"""
