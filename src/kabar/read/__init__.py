"""Reading: turn files, stdin, URLs and corpora into `Article`s. Knows nothing of NLP."""
from kabar.read.article import Article, ReadError
from kabar.read.sources import read_inputs

__all__ = ["Article", "ReadError", "read_inputs"]
