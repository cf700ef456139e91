"""Icons and exercise drawings, shipped as the data-only package ``psoas_coach.assets``.

This file only makes the folder a package, so a wheel, an editable install and the PyInstaller
build find it by that name; psoas_coach/resources.py reads the files.
"""
