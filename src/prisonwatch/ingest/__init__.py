"""Reading things into records: record files (CSV, JSON, JSONL) now, news articles later."""
