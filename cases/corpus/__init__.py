"""Loading the version-controlled content files in corpus/ into the database."""

from cases.corpus.reading import CorpusError
from cases.corpus.service import LoadReport, load_corpus

__all__ = ["CorpusError", "LoadReport", "load_corpus"]
