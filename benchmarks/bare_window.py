"""The floor seen from outside: a bare PySide6 main window with one label, nothing measured inside.

Started by benchmarks/outside.py as it starts the app, and timed the same way (the X server sees it
mapped and drawn).
"""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Floor")
window.setCentralWidget(QLabel("Psoas Coach"))
window.resize(1366, 768)
window.show()
sys.exit(app.exec())
