"""Importing what teachers and other programs have: spreadsheets, graph files and concept maps become datasets.

Kumu-style spreadsheets (XLSX or CSV: a sheet of *elements*, one of *connections*), this
project's own JSON, GraphML and GEXF exports (also after Gephi or yEd re-saved them) and CXL
concept maps (CmapTools' format, which the CXL export writes too) are read,
checked all at once (every problem names its file and its sheet, row and column, or line), and
written out as a readable, commented dataset file that the loader validates like any other.
What a format cannot carry is listed, never silently dropped.
"""

from graph.importing.graph_record import Imported
from graph.importing.kumu import import_kumu
from graph.importing.sheets import Sheet, read_sheets
from graph.importing.sources import IMPORT_SUFFIXES, import_sources
from graph.importing.upload import UPLOAD_SUFFIXES, Upload, upload_sources
from graph.importing.yaml_writer import dataset_yaml

__all__ = ["IMPORT_SUFFIXES", "UPLOAD_SUFFIXES", "Imported", "Sheet", "Upload", "dataset_yaml", "import_kumu",
           "import_sources", "read_sheets", "upload_sources"]
