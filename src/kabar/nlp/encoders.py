"""Token encoders for kabar's trained pipeline (spaCy architectures, found by `spacy.load` through
the `spacy_architectures` entry point, so the shipped model loads without importing kabar).

spaCy's CNN encoder sees a few words either side of each token (4 at depth 4). A transition
parser reads only the words at the front of its buffer, so in "sejak pemimpin Korea Utara Kim
Jong Un dan Presiden Rusia Vladimir Putin secara resmi menandatangani perjanjian" it must decide
what "pemimpin" hangs on before any word it can see reaches the verb 13 words later. A
bidirectional LSTM over the CNN's output gives every token the whole sentence.
"""
from __future__ import annotations

from typing import List

from spacy import registry
from spacy.ml.models.tok2vec import MaxoutWindowEncoder
from thinc.api import LSTM, Model, chain, residual, with_padded
from thinc.types import Floats2d


@registry.architectures("kabar.CNNBiLSTMEncoder.v1")
def cnn_bilstm_encoder(width: int, depth: int, window_size: int, maxout_pieces: int,
                       lstm_depth: int) -> Model[List[Floats2d], List[Floats2d]]:
    """spaCy's maxout CNN (`depth` layers), then `lstm_depth` residual bidirectional LSTM layers
    (width/2 units each way, so the output keeps the input's width)."""
    cnn = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth)
    lstm = residual(with_padded(LSTM(nO=width, nI=width, bi=True, depth=lstm_depth)))
    model = chain(cnn, lstm)
    model.set_dim("nO", width)
    return model
