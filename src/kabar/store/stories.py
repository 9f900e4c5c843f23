"""Story clustering: articles about the same story, from one outlet or many, grouped together.

Method: each article becomes a TF-IDF vector of its words (lowercased, numbers and words under
three letters dropped, sublinear term frequency, L2-normalised). Two articles are linked when
their cosine similarity reaches `threshold` and their published dates are at most
`window_days` apart; stories are the connected components of those links. Rewritten reports
of one event share its rare words (names, places), which TF-IDF weights up, while same-topic
articles from other days fall out of the window. When either date is unknown the pair must
reach `undated_threshold`, which only near-copies do: without the window, same-topic articles
from other weeks (race reports, market closes) link and chain into big false "stories".
Word weights come from the corpus itself, so a corpus of a handful of articles links little.
Thresholds and measured precision: `benchmarks/eval_stories.py`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

THRESHOLD = 0.35
UNDATED_THRESHOLD = 0.9  # near-copies only: without dates, 0.5 links were 6/25 right
WINDOW_DAYS = 3
_WORD = re.compile(r"[^\W\d_]{3,}")


def published_day(value: str | None) -> dt.date | None:
    """The day of a stored `published` value (ISO date or date-time); None when absent or unreadable."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def tfidf(texts: Sequence[str], background: Sequence[str] = ()) -> sparse.csr_matrix:
    """Rows: L2-normalised TF-IDF vectors of `texts`; words in only one text carry no link and are
    dropped. `background` texts count in the document frequencies only (see `cluster`)."""
    counts = [Counter(_WORD.findall(t.lower())) for t in texts]
    df = Counter(w for c in counts for w in c)
    df.update(w for t in background for w in set(_WORD.findall(t.lower())))
    vocab = {w: i for i, w in enumerate(w for w, n in df.items() if n > 1)}
    n = len(texts) + len(background)
    rows, cols, vals = [], [], []
    for r, c in enumerate(counts):
        for w, tf in c.items():
            if w in vocab:
                rows.append(r)
                cols.append(vocab[w])
                vals.append((1 + math.log(tf)) * math.log((1 + n) / (1 + df[w])))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float32)
    norms = np.sqrt(m.multiply(m).sum(axis=1)).A1
    norms[norms == 0] = 1
    return sparse.diags(1 / norms) @ m


def similar_pairs(docs: Sequence[tuple[int, str, str | None]], threshold: float = THRESHOLD,
                  window_days: int = WINDOW_DAYS, undated_threshold: float = UNDATED_THRESHOLD,
                  block: int = 500, background: Sequence[str] = ()) -> list[tuple[int, int, float]]:
    """(id_a, id_b, cosine) for every linked pair; `docs` are (id, text, published ISO date)."""
    if len(docs) < 2:
        return []
    m = tfidf([text for _, text, _ in docs], background)
    days = [day.toordinal() if (day := published_day(p)) else None for _, _, p in docs]
    pairs = []
    for rows, cols in _candidate_blocks(days, window_days, block):
        sims = (m[rows] @ m[cols].T).tocoo()
        for r, c, s in zip(sims.row, sims.col, sims.data):
            i, j = rows[r], cols[c]
            # each pair once: dated rows only meet dated columns, undated rows meet everyone
            if not (i < j or (days[i] is None and days[j] is not None)):
                continue
            if days[i] is None or days[j] is None:
                if s < undated_threshold:
                    continue
            elif s < threshold or abs(days[i] - days[j]) > window_days:
                continue
            pairs.append((docs[i][0], docs[j][0], float(s)))
    return pairs


def _candidate_blocks(days: list[int | None], window_days: int, block: int):
    """(rows, columns) of the similarity blocks worth computing: dated articles in date order
    against those within the window of the block, undated articles against all. Memory and
    time then grow with the articles per window, not with the square of the corpus."""
    dated = sorted((d, i) for i, d in enumerate(days) if d is not None)
    order, sorted_days = [i for _, i in dated], [d for d, _ in dated]
    for start in range(0, len(order), block):
        end = min(start + block, len(order))
        low = bisect.bisect_left(sorted_days, sorted_days[start] - window_days)
        high = bisect.bisect_right(sorted_days, sorted_days[end - 1] + window_days)
        yield order[start:end], order[low:high]
    undated = [i for i, d in enumerate(days) if d is None]
    everyone = list(range(len(days)))
    for start in range(0, len(undated), block):
        yield undated[start:start + block], everyone


def cluster(docs: Sequence[tuple[int, str, str | None]], threshold: float = THRESHOLD,
            window_days: int = WINDOW_DAYS, undated_threshold: float = UNDATED_THRESHOLD,
            background: Sequence[str] = ()) -> list[list[int]]:
    """Stories as lists of ids (every id in exactly one story; singletons included). When only
    part of a corpus is clustered (the days around new articles), `background`, a sample of the
    rest, keeps the word weights close to the whole corpus's."""
    parent = {doc_id: doc_id for doc_id, _, _ in docs}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in similar_pairs(docs, threshold, window_days, undated_threshold, background=background):
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for doc_id in parent:
        groups.setdefault(root(doc_id), []).append(doc_id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))
