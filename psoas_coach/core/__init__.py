"""Pure-Python core: programs, session plans, the session engine and coaching rules. Never imports Qt."""
