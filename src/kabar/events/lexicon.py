"""The trigger lexicon: YAML files analysts edit, checked on load, turned into a word index.

See `data/triggers/README.md` for the format. A mistake stops loading with one line naming
the file, the entry and the problem, never with a stack trace from deep inside the coder.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from kabar.events import morph, ontology

TRIGGER_DIR = Path(__file__).parent / "data" / "triggers"
KEYS = {"root", "forms", "extra", "cameo", "plover", "with", "object_is_actor", "target_preps", "place_is_target", "note"}


class LexiconError(ValueError):
    """A trigger file is malformed."""


@dataclass(frozen=True)
class Trigger:
    root: str
    cameo: str
    type: str
    mode: str | None
    context: str | None
    with_words: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = ()
    place_is_target: bool = False
    object_is_actor: bool = False  # fires only with an actor right after it ("menerima Presiden X")
    source: str = ""  # "consult.yaml#3", shown by `kabar events explain`


@dataclass(frozen=True)
class Form:
    words: tuple[str, ...]  # lowercase tokens of the surface form
    pattern: str
    voice: str  # active | passive | nominal
    trigger: Trigger


@dataclass
class Lexicon:
    entries: list[Trigger] = field(default_factory=list)
    by_first_word: dict[str, list[Form]] = field(default_factory=dict)

    def add(self, surface: str, pattern: str, trig: Trigger) -> None:
        words = tuple(surface.lower().split())
        f = Form(words, pattern, morph.voice(pattern), trig)
        bucket = self.by_first_word.setdefault(words[0], [])
        bucket.append(f)
        # Longer forms first ("minta maaf" before "minta ... kepada"), then entries with `with` constraints.
        bucket.sort(key=lambda x: (-len(x.words), not x.trigger.with_words))

    def candidates(self, word: str) -> list[Form]:
        return self.by_first_word.get(word.lower(), [])


def _fail(where: str, problem: str):
    raise LexiconError(f"{where}: {problem}")


def _str_list(value, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _fail(where, f"'{key}' must be a list of words")
    return tuple(v.strip().lower() for v in value)


def _plover(value, where: str, code: ontology.Code) -> tuple[str, str | None]:
    """`plover: TYPE/mode` for what the PLOVER manual codes but CAMEO has no code for (resignations:
    RETREAT/resign); otherwise the CAMEO code's PLOVER type and mode."""
    if value is None:
        return code.type, code.mode
    ptype, _, mode = str(value).partition("/")
    if ptype not in ontology.PLOVER_TYPES:
        _fail(where, f"'plover' must be TYPE or TYPE/mode with a PLOVER type ({', '.join(ontology.PLOVER_TYPES)})")
    return ptype, mode or None


def parse_entry(raw, where: str) -> tuple[Trigger, dict[str, str]]:
    """One YAML entry -> (Trigger, {surface form: pattern})."""
    if not isinstance(raw, dict):
        _fail(where, "each trigger must be a mapping with root, forms and cameo")
    unknown = set(raw) - KEYS
    if unknown:
        _fail(where, f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(KEYS))}")
    for key in ("root", "forms", "cameo"):
        if key not in raw:
            _fail(where, f"missing '{key}'")
    root = raw["root"]
    if not isinstance(root, str) or not root.strip():
        _fail(where, "'root' must be a word")
    where = f"{where} ({root!r})"
    cameo = raw["cameo"]
    if not isinstance(cameo, str):
        _fail(where, f"'cameo' must be a quoted string like \"042\" (got {cameo!r}: YAML drops leading zeros)")
    try:
        code = ontology.lookup(cameo)
    except KeyError as err:
        _fail(where, str(err.args[0]))
    patterns = _str_list(raw["forms"], where, "forms")
    if not patterns:
        _fail(where, "'forms' is empty")
    surfaces = {}
    for p in raw["forms"]:
        if p not in morph.PATTERNS:
            _fail(where, f"unknown affix pattern {p!r}; known: {', '.join(morph.PATTERNS)}")
        surfaces[morph.form(root.strip().lower(), p)] = p
    extra = raw.get("extra") or {}
    if not isinstance(extra, dict):
        _fail(where, "'extra' must map surface forms to patterns, e.g. {menelpon: meN-}")
    for surface, p in extra.items():
        if p not in morph.PATTERNS:
            _fail(where, f"extra form {surface!r}: unknown affix pattern {p!r}")
        surfaces[str(surface).lower()] = p
    ptype, mode = _plover(raw.get("plover"), where, code)
    place, object_is_actor = raw.get("place_is_target", False), raw.get("object_is_actor", False)
    if not isinstance(place, bool) or not isinstance(object_is_actor, bool):
        _fail(where, "'place_is_target' and 'object_is_actor' must be true or false")
    trig = Trigger(
        root=root.strip().lower(), cameo=cameo, type=ptype, mode=mode, context=code.context,
        with_words=_str_list(raw.get("with"), where, "with"),
        target_preps=_str_list(raw.get("target_preps"), where, "target_preps"),
        place_is_target=place, object_is_actor=object_is_actor, source=where.split(" ")[0],
    )
    return trig, surfaces


def load(directory: Path = TRIGGER_DIR) -> Lexicon:
    directory = Path(directory)
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise LexiconError(f"{directory}: no trigger files (*.yaml)")
    lex = Lexicon()
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = f" line {mark.line + 1}" if mark else ""
            raise LexiconError(f"{path.name}{line}: not valid YAML ({getattr(err, 'problem', err)})") from None
        if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
            raise LexiconError(f"{path.name}: expected a top-level 'triggers:' list")
        for i, raw in enumerate(data["triggers"], 1):
            trig, surfaces = parse_entry(raw, f"{path.name}#{i}")
            lex.entries.append(trig)
            for surface, pattern in surfaces.items():
                lex.add(surface, pattern, trig)
    return lex


@lru_cache(maxsize=4)
def default() -> Lexicon:
    return load(TRIGGER_DIR)
