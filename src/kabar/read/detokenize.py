"""Tokenized sentences (IndoSum) → natural text, so offsets and rules see news as it was
printed: "Senin ( 27 / 3 ) ." → "Senin (27/3).", '" Tidak hanya tarif , " ucap' → '"Tidak hanya tarif," ucap'."""
from __future__ import annotations

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "..", "...", "…", "'s", "’s"}
NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "$", "€", "£"}
TOGGLE_QUOTES = {'"', "'", "`"}  # the same mark opens and closes


DATELINE_TOKENS = 8  # "GOLD COAST , JUARA.net - ...": the dash that ends a dateline comes early


def detokenize_paragraph(sentences: list[list[str]], lead: bool = False) -> str:
    """Join one paragraph's tokenized sentences. Straight quotes alternate open/close within the
    paragraph (a quote continued into the next paragraph opens again there, as news prints it).
    In the article's `lead` paragraph the first early dash is the dateline's and keeps its spaces."""
    tokens = [_clean(t) for sentence in sentences for t in sentence]
    tokens = _merge_double_dashes([t for t in tokens if t is not None])
    out: list[str] = []
    open_quotes: set[str] = set()
    glue_next = False  # the previous token forbids a space after it
    dateline_dash = next((i for i, t in enumerate(tokens[:DATELINE_TOKENS]) if t in ("-", "--")), None) if lead else None
    for i, tok in enumerate(tokens):
        if tok == "\n":
            out.append("\n")
            glue_next = True
            continue
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        space = bool(out) and not glue_next
        glue_next = False
        if tok in TOGGLE_QUOTES:
            if tok in open_quotes:
                open_quotes.discard(tok)
                space = False
            else:
                open_quotes.add(tok)
                glue_next = True
        elif tok in NO_SPACE_BEFORE or tok.startswith("/") or prev.endswith("/") or _is_suffix(tok):
            space = False
        elif tok == "/":
            space, glue_next = False, True
        elif tok == "-" and i != dateline_dash and _joins_words(prev, nxt):
            space, glue_next = False, True
        if tok in NO_SPACE_AFTER:
            glue_next = True
        out.append((" " if space else "") + tok)
    return "".join(out).strip()


def detokenize(paragraphs: list[list[list[str]]]) -> str:
    """The article text: paragraphs separated by blank lines."""
    parts = (detokenize_paragraph(p, lead=(i == 0)) for i, p in enumerate(paragraphs))
    return "\n\n".join(p for p in parts if p)


def _clean(token: str) -> str | None:
    """Whitespace tokens: line breaks survive as "\n", other spacing (nbsp) is dropped."""
    if token.strip():
        return token.replace("\xa0", " ").strip()
    return "\n" if "\n" in token else None


def _merge_double_dashes(tokens: list[str]) -> list[str]:
    """"CNN Indonesia - - Pelatih": the tokenizer split an em-dash written as "--"."""
    out: list[str] = []
    for tok in tokens:
        if tok == "-" and out and out[-1] in ("-", "--"):
            out[-1] += "-"
        else:
            out.append(tok)
    return out


def _is_suffix(token: str) -> bool:
    """"Instagram -nya": a clitic the tokenizer split off with its hyphen."""
    return len(token) > 1 and token[0] == "-" and token[1].islower()


def _joins_words(prev: str, nxt: str) -> bool:
    """A hyphen between two word characters is inside a word: "bentrokan-bentrokan", "ke-25",
    "3-0", "Ji-hyun", "Mercedes-Benz" (the dateline's dash is handled by the caller)."""
    return bool(prev) and bool(nxt) and prev[-1].isalnum() and nxt[0].isalnum()
