"""kabar's token encoder: the CNN sees a few words either side, the BiLSTM after it the whole sentence."""
from __future__ import annotations

import numpy
from spacy.ml.models.tok2vec import MaxoutWindowEncoder
from thinc.api import fix_random_seed

from kabar.nlp.encoders import cnn_bilstm_encoder


def _encodings(model, sentence):
    return model.predict([sentence])[0]


def test_a_word_far_away_changes_the_encoding_only_with_the_lstm():
    fix_random_seed(0)  # untrained LSTM weights: a far word's effect fades with distance, so fix them
    rng = numpy.random.default_rng(0)
    sentence = rng.random((30, 16), dtype="float32")
    changed = sentence.copy()
    changed[10] += 1.0  # 10 words after the first: beyond the CNN's reach (2 words at depth 2)
    with_lstm = cnn_bilstm_encoder(width=16, depth=2, window_size=1, maxout_pieces=2, lstm_depth=1)
    cnn_only = MaxoutWindowEncoder(width=16, window_size=1, maxout_pieces=2, depth=2)
    for model in (with_lstm, cnn_only):
        model.initialize(X=[sentence])
    assert numpy.allclose(_encodings(cnn_only, sentence)[0], _encodings(cnn_only, changed)[0])
    assert not numpy.allclose(_encodings(with_lstm, sentence)[0], _encodings(with_lstm, changed)[0])
    assert _encodings(with_lstm, sentence).shape == (30, 16)


def test_spacy_finds_the_encoder_without_importing_kabar():
    """The shipped model's config names it; spaCy's registry reads kabar's entry point."""
    import subprocess
    import sys

    code = ("import sys, spacy; f = spacy.registry.architectures.get('kabar.CNNBiLSTMEncoder.v1'); "
            "print(f.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-1000:]
    assert out.stdout.strip() == "kabar.nlp.encoders"
