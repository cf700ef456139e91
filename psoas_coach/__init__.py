"""Psoas Coach: a guided psoas strengthening routine with big countdowns, spoken cues and a private record."""

__version__ = "0.1.0"
