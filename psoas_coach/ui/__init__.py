"""Widgets and screens. They observe the session engine; they never own timing."""
