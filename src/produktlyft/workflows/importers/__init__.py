"""Event-log readers: XES, CSV and Parquet."""
