"""The therapist report: data.py gathers it without Qt, pdf.py draws it with Qt's PDF support."""
