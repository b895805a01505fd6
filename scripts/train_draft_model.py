"""Measure a small learned sentence judge for Check my draft the way a new writer
meets it: leave one writers' set out, train on the rest, score the set left out;
per category, the rules alone, the model alone, and rules or model.

    .venv/bin/pip install --require-hashes -r requirements-dev.txt   (scikit-learn: the `train` extra)
    .venv/bin/python scripts/train_draft_model.py [--batches /work/wt/notes] [--folds SET ...]

Features per sentence: lower-cased words ("w:sorry") and word pairs ("b:sorry
if"); each of the clause grammar's word lists found in it ("l:passive"); each
kind of actor named ("a:supplier") and the first one ("s:us", "s:none" when
nobody is named); a run of capitals, a question mark, an exclamation mark.
Labels: in a bad draft, a sentence its `notes` quotes (or one a rule of an
expected category flags) is a positive for that category; every sentence of a
good draft, and of a bad draft for a category it doesn't expect, is a negative.
`--batches` adds the engineers' sentence batches (`category|sentence`,
`N|sentence` lines in draft*-batch*.txt) as one-sentence drafts. One logistic
regression per category, the 120 strongest features kept, fixed seed, sorted
input. A draft is flagged when one of its sentences scores at or above the
category's threshold, chosen for precision >= 0.9 on the training sets, each
scored by a model trained without it (in four chunks).

The rules' numbers on a set they were tuned on are not held out; the model's
always are. The checker does not use the model (see the closing note of
branch draft16 for why).
"""

from __future__ import annotations

import argparse
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

import yaml  # noqa: E402

from harness.drafts import draft_sets, label_of  # noqa: E402
from make_it_right.draft import check_draft, guess_channel, read_draft, sentences  # noqa: E402
from make_it_right.draft_clauses import ClauseView  # noqa: E402
from make_it_right.draft_rules import load_draft_rules  # noqa: E402
from make_it_right.rules import load_rules  # noqa: E402
from make_it_right.strings import load_strings  # noqa: E402

CATEGORIES = ("blame", "tone", "passive-evasion", "written-admission", "conditional-apology",
              "over-promise", "vague-time")
PRECISION = 0.9
C = 0.5
CATEGORIES_MEASURED = CATEGORIES
KEEP = 120  # features kept per category, by weight
SEED = 0
# Words in a draft's notes, just before a quote, that say which label the quote shows.
CUES = {
    "tone": r"tone|sarcas|caps|shout|condescen|guilt|reproach|lectur|snark|passive-aggressive|patroni|rude|chas",
    "passive-evasion": r"(?<!-)passive(?!-aggressive)|no actor|without (?:an )?actor|evasive|agentless|no one|nobody|no owner",
    "blame": r"blame|points? (?:at|to)|pointing|shifts|deflect|their side|his fault|her fault",
    "conditional-apology": r"conditional|sorry if|stock|non-apology|half[- ]apolog|inconvenience|if any",
    "over-promise": r"promis|guarantee|never happen|100 ?%|assur",
    "written-admission": r"admi[st]|liab|neglig|compensat|legal|refund of all|fault",
    "vague-time": r"vague|no date|no time|soon|shortly|in due course",
}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
CAPS = re.compile(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])")


def sentence_spans(text: str, breaks: frozenset[int]) -> list[tuple[int, int]]:
    """Sentences as reading ease counts them, from the start of the text."""
    return sentences(text, breaks, 0)


def sentence_features(text: str, spans: list[tuple[int, int]],
                      view: ClauseView | None) -> list[set[str]]:
    """Each sentence's feature names, in the order of `spans`."""
    feats: list[set[str]] = []
    for start, end in spans:
        part = text[start:end]
        words = WORD.findall(part.lower())
        names = {f"w:{w}" for w in words} | {f"b:{a} {b}" for a, b in pairwise(words)}
        if CAPS.search(part):
            names.add("caps")
        if "?" in part:
            names.add("q")
        if "!" in part:
            names.add("x")
        feats.append(names)
    if view is None:
        return feats
    starts = [s for s, _ in spans]

    def which(index: int) -> int | None:
        k = bisect_right(starts, index) - 1
        return k if k >= 0 and index < spans[k][1] else None

    for name in sorted(view.clauses.words):
        for a, _ in view.spans(name):
            k = which(a)
            if k is not None:
                feats[k].add(f"l:{name}")
    first: dict[int, str] = {}
    for a, _, kind in view.actors:
        k = which(a)
        if k is not None:
            feats[k].add(f"a:{kind}")
            first.setdefault(k, kind)
    for k, names in enumerate(feats):
        names.add(f"s:{first.get(k, 'none')}")
    return feats


QUOTE = re.compile(r"(?<![A-Za-z])'(.+?)'(?![A-Za-z])")


@dataclass
class Draft:
    group: str
    name: str
    labels: set[str]  # the wording categories it expects
    good: bool
    rules: set[str]  # the categories the rules flag
    any_finding: bool
    features: list[set[str]]
    sentence_labels: dict[str, list[int | None]] = field(default_factory=dict)


def checker():
    rules, strings = load_rules(), load_strings()
    wording = load_draft_rules("en")
    return rules, strings, wording


def read_case(group, name, text, channel, playbook, expect, notes, ctx) -> Draft:
    rules, strings, wording = ctx
    found = check_draft(text, channel, playbook, rules, strings, wording)
    draft = read_draft(text, channel or guess_channel(text, rules, strings, wording), rules, strings, wording)
    norm = draft.norm
    spans = sentence_spans(norm.text, norm.breaks)
    view = wording.view(norm.text, norm.breaks)
    feats = sentence_features(norm.text, spans, view)
    to_label = label_of(wording)
    labels = {to_label(e) for e in expect} & set(CATEGORIES)
    rule_cats = {f.category for f in found if f.category in CATEGORIES}
    result = Draft(group, name, labels, not expect, rule_cats, bool(found), feats)

    def sentence_of(index: int) -> int | None:
        return next((k for k, (a, b) in enumerate(spans) if a <= index < b), None)

    positive: dict[str, set[int]] = {c: set() for c in labels}
    for f in found:
        if f.category in labels and f.start is not None:
            origin = norm.origin
            at = next((i for i, o in enumerate(origin) if o >= f.start), None)
            k = sentence_of(at) if at is not None else None
            if k is not None:
                positive[f.category].add(k)
    low = norm.text.lower()
    for match in QUOTE.finditer(notes or ""):
        before = (notes or "")[max(0, match.start() - 60):match.start()].lower()
        cats = [c for c in labels if re.search(CUES[c], before)]
        for piece in re.split(r"\.\.\.|\u2026", match.group(1)):
            piece = " ".join(piece.split()).lower()
            if len(piece) < 4:
                continue
            at = low.find(piece)
            if at < 0:
                continue
            k = sentence_of(at)
            if k is None:
                continue
            owners = cats or [c for c in labels if k in positive[c]] or (list(labels) if len(labels) == 1 else [])
            for c in owners:
                positive[c].add(k)
    for c in CATEGORIES:
        if c in labels:
            result.sentence_labels[c] = [1 if k in positive[c] else None for k in range(len(spans))]
        else:
            result.sentence_labels[c] = [0] * len(spans)
    return result


def load_sets(ctx) -> list[Draft]:
    drafts = []
    for folder in draft_sets():
        for path in sorted(folder.glob("*.y*ml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            drafts.append(read_case(folder.name, path.stem, data["text"], data.get("channel"),
                                    data.get("playbook"), data.get("expect") or [],
                                    data.get("notes"), ctx))
    return drafts


def load_batches(folder: Path, ctx) -> list[Draft]:
    drafts = []
    line = re.compile(r"^([a-z-]+|N)\|(.+)$")
    for path in sorted(folder.glob("draft*-batch*.txt")) + sorted(folder.glob("draft*-paraphrases.txt")):
        if path.stem.endswith(("-main", "-score")):
            continue
        for i, raw in enumerate(path.read_text(encoding="utf-8").splitlines()):
            m = line.match(raw.strip())
            if not m or (m.group(1) != "N" and m.group(1) not in CATEGORIES):
                continue
            cat, text = m.groups()
            d = read_case(f"batch:{path.stem}", str(i), text, "email", None, [], None, ctx)
            d.good = cat == "N"
            d.labels = set() if cat == "N" else {cat}
            for c in CATEGORIES:
                n = len(d.features)
                d.sentence_labels[c] = ([1] * n if c == cat else [0] * n) if cat in (c, "N") else [None] * n
            drafts.append(d)
    return drafts


class Matrix:
    """Every sentence of every draft as one sparse 0/1 matrix, built once."""

    def __init__(self, drafts: list[Draft]) -> None:
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer

        self.drafts = drafts
        rows = [dict.fromkeys(sorted(f), 1) for d in drafts for f in d.features]
        self.vec = DictVectorizer()
        self.x = self.vec.fit_transform(rows).tocsr()
        self.names = self.vec.get_feature_names_out()
        self.owner = np.repeat(np.arange(len(drafts)), [len(d.features) for d in drafts])
        self.group = np.array([d.group for d in drafts])
        self.labels = {c: np.array([-1 if y is None else y for d in drafts for y in d.sentence_labels[c]])
                       for c in CATEGORIES}

    def fit(self, keep_drafts, category: str) -> tuple[dict[str, float], float]:
        """Weights of the KEEP strongest features, and the bias, trained on the drafts
        whose mask is set."""
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        y = self.labels[category]
        rows = keep_drafts[self.owner] & (y >= 0)
        if not y[rows].any():
            return {}, -10.0
        x = self.x[rows]
        cols = np.flatnonzero(np.asarray(x.sum(axis=0)).ravel() >= 2)
        x = x[:, cols].tocsr()
        x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear's index size
        model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=SEED)
        model.fit(x, y[rows])
        pairs = sorted(zip(self.names[cols], model.coef_[0], strict=True),
                       key=lambda p: (-abs(p[1]), p[0]))[:KEEP]
        return {str(n): round(float(w), 3) for n, w in pairs}, round(float(model.intercept_[0]), 3)

    def scores(self, weights: dict[str, float], bias: float):
        """Each draft's highest sentence score."""
        import numpy as np

        w = np.zeros(len(self.names))
        index = self.vec.vocabulary_
        for name, value in weights.items():
            w[index[name]] = value
        per_sentence = self.x @ w + bias
        best = np.full(len(self.drafts), -99.0)
        np.maximum.at(best, self.owner, per_sentence)
        return best


def threshold(scored: list[tuple[float, bool]]) -> float:
    """The lowest score whose drafts at or above it are right at least PRECISION of the time."""
    best, tp, fp = float("inf"), 0, 0
    ordered = sorted(scored, key=lambda s: -s[0])
    for i, (s, y) in enumerate(ordered):
        tp += y
        fp += not y
        if (i + 1 == len(ordered) or ordered[i + 1][0] < s) and tp / (tp + fp) >= PRECISION and tp >= 3:
            best = s
    return best


def known(d: Draft, category: str) -> bool:
    return not d.group.startswith("batch:") or d.good or category in d.labels


def held_out(m: Matrix, category: str, groups: list[str]) -> list[tuple[float, bool]]:
    """The scores of the drafts of `groups`, each from a model trained without its group
    (in four chunks of groups)."""
    out = []
    for chunk in (groups[i::4] for i in range(4)):
        inside = np_isin(m.group, chunk)
        w, b = m.fit(~inside & np_isin(m.group, groups), category)
        best = m.scores(w, b)
        out += [(float(best[i]), category in d.labels) for i, d in enumerate(m.drafts)
                if inside[i] and known(d, category)]
    return out


def np_isin(values, chosen):
    import numpy as np

    return np.isin(values, list(chosen))


def measure(m: Matrix, folds: list[str]) -> dict:
    drafts = m.drafts
    table = {}
    flagged_by_model: dict[str, set[str]] = {}
    groups = sorted(set(m.group.tolist()))
    for c in CATEGORIES_MEASURED:
        rows = {"rules": [0, 0, 0], "model": [0, 0, 0], "either": [0, 0, 0]}
        for g in folds:
            t = threshold(held_out(m, c, [x for x in groups if x != g]))
            w, b = m.fit(m.group != g, c)
            best = m.scores(w, b)
            for i, d in enumerate(drafts):
                if d.group != g:
                    continue
                said = best[i] >= t
                if said:
                    flagged_by_model.setdefault(f"{d.group}/{d.name}", set()).add(c)
                truth = c in d.labels
                for key, flag in (("rules", c in d.rules), ("model", said), ("either", said or c in d.rules)):
                    rows[key][0] += flag and truth
                    rows[key][1] += flag and not truth
                    rows[key][2] += truth and not flag
        table[c] = rows
        print(c, rows, flush=True)
    held = [d for d in drafts if d.group in folds]
    good = [d for d in held if d.good]
    bad = [d for d in held if not d.good]
    key = lambda d: f"{d.group}/{d.name}"  # noqa: E731
    table["good-flagged"] = {
        "rules": sum(d.any_finding for d in good),
        "either": sum(d.any_finding or key(d) in flagged_by_model for d in good),
        "model-only": sorted(f"{key(d)} {sorted(flagged_by_model[key(d)])}" for d in good
                             if key(d) in flagged_by_model),
        "of": len(good)}
    table["bad-silent"] = {
        "rules": sum(not d.any_finding for d in bad),
        "either": sum(not d.any_finding and key(d) not in flagged_by_model for d in bad), "of": len(bad)}
    return table


def pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{p:.2f} / {r:.2f} ({tp} {fp} {fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batches", type=Path, help="a folder of labelled sentence batches to train on too")
    parser.add_argument("--only", nargs="*", default=list(CATEGORIES), help="measure these categories")
    parser.add_argument("--folds", nargs="*", help="hold out only these sets (default: every drafts-fresh40*)")
    parser.add_argument("--c", type=float, default=None, help="inverse regularisation strength")
    parser.add_argument("--without", default="", help="drop features starting with these letters (e.g. wb)")
    args = parser.parse_args()
    global C, CATEGORIES_MEASURED
    C = args.c or C
    CATEGORIES_MEASURED = tuple(args.only)
    ctx = checker()
    drafts = load_sets(ctx) + (load_batches(args.batches, ctx) if args.batches else [])
    if args.without:
        for d in drafts:
            d.features = [{n for n in f if n.split(":")[0] not in args.without} for f in d.features]
    drafts.sort(key=lambda d: (d.group, d.name))
    folds = args.folds or sorted({d.group for d in drafts if d.group.startswith("drafts-fresh40")})
    print(f"{len(drafts)} drafts, {sum(len(d.features) for d in drafts)} sentences; held out in turn: "
          f"{', '.join(folds)}", flush=True)
    for c in CATEGORIES:
        pos = sum(y == 1 for d in drafts for y in d.sentence_labels[c])
        neg = sum(y == 0 for d in drafts for y in d.sentence_labels[c])
        print(f"  {c}: {pos} positive, {neg} negative sentences")
    table = measure(Matrix(drafts), folds)
    print("| category | rules alone | model alone | rules or model |")
    print("|---|---|---|---|")
    for c in CATEGORIES_MEASURED:
        print(f"| {c} | " + " | ".join(pr(*table[c][k]) for k in ("rules", "model", "either")) + " |")
    g, b = table["good-flagged"], table["bad-silent"]
    print(f"good drafts with any finding: rules {g['rules']} of {g['of']}, rules or model {g['either']}")
    for line in g["model-only"]:
        print("  model on good:", line)
    print(f"bad drafts silent: rules {b['rules']} of {b['of']}, rules or model {b['either']}")


if __name__ == "__main__":
    main()
