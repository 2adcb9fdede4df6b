"""Importing what teachers already have: Kumu-style spreadsheets (XLSX or CSV) become a dataset's YAML.

A sheet of *elements* (Label, Type, Description, Tags) and one of *connections* (From, To, Type,
Label, Description, and optionally Evidence and References) are read, checked all at once (every
problem names its sheet, row and column), and written out as a readable, commented dataset file
that the loader validates like any other.
"""

from graph.importing.kumu import import_kumu
from graph.importing.sheets import Sheet, read_sheets
from graph.importing.yaml_writer import dataset_yaml

__all__ = ["Sheet", "dataset_yaml", "import_kumu", "read_sheets"]
