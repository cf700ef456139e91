"""Pure-Python store: session records as JSON on disk. Never imports Qt."""
