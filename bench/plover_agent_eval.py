"""Who arrested or released: the agent field on real news sentences coded by others.

The PLOVER gold-standard records (../shared/data/nlp-eval/plover-gsr, 323 news sentences coded
by the Open Event Data Alliance with a source actor, a target and an event category) include a
few arrests and releases. A record is read when the words its coders marked as the event
(`eventText`) hold an arrest or a release; each sentence is read as a one-paragraph article.

- A record whose event words say it happened ("arrested", "arresting") must give a claim of
  that action, and the claim's agent must name the coded source actor: the same words, or its
  state ("Israel" for "Israeli soldiers": the project's gold names a state's forces by the state).
- A protest against arrests is left out: its coded source actor is the protester.
- A record whose event words say it is only said or planned ("said will release") must give no
  claim of that action.

So few records qualify that the figure is a check on real phrasings, not a rate to tune on.

    python bench/plover_agent_eval.py [-v] [../shared/data/nlp-eval/plover-gsr]
"""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.ingest.documents import Document
from prisonwatch.services.extracting import to_json

SHARED = Path(
    os.environ.get("PRISONWATCH_SHARED") or Path(__file__).resolve().parents[2] / "shared"
)
DEFAULT = SHARED / "data" / "nlp-eval" / "plover-gsr"
#: The coders' event words that name an arrest or a release, and the contract's action.
ACTIONS = {
    r"arrest(?:s|ed|ing)?": "detained",
    r"detain(?:s|ed|ing)?": "detained",
    r"releas(?:e|es|ed|ing)": "released",
    r"fre(?:ed|es|eing)": "released",
}
#: Categories whose coded source actor is not who arrested or released.
OTHERS_ACT = ("PROTEST",)
#: Event words that make the act only said or planned, not a fact.
NOT_DONE = re.compile(r"\b(?:will|would|said|demand\w*|threat\w*)\b", re.IGNORECASE)


def records(folder: Path) -> list[dict[str, Any]]:
    out = []
    for r in json.loads((folder / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8")):
        words = (r.get("eventText") or "").lower()
        action = next((a for w, a in ACTIONS.items() if re.search(rf"\b{w}\b", words)), None)
        if r.get("event") in OTHERS_ACT:
            continue  # a protest against arrests: the coded actor protested, did not arrest
        if action is not None and r.get("language", "en") == "en" and r.get("text"):
            out.append({**r, "action": action, "done": not NOT_DONE.search(words)})
    return out


def _stem(word: str) -> str:
    return word.casefold()[:5]


def names_actor(agent: str | None, actors: list[dict[str, Any]]) -> bool:
    """Whether the claim's agent names one of the coded source actors: a word in common
    (compared on its first five letters, so that "Israel" names "Israeli soldiers")."""
    if not agent:
        return False
    ours = {_stem(w) for w in re.findall(r"\w{3,}", agent)}
    return any(
        ours & {_stem(w) for w in re.findall(r"\w{3,}", a.get("actorText", ""))} for a in actors
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    folder = Path(args[0]) if args else DEFAULT
    rows = records(folder)
    extractor = Extractor()
    day = date(2026, 1, 1)
    found = agents = silent = facts = said = 0
    for r in rows:
        text = f" date {day} Report\nReport\n{r['text']}\n"
        out = to_json(extractor.extract(Document(f"{r['id']}.txt", text, day, "Report")))
        claims = [c for c in out["claims"] if c["action"] == r["action"]]
        actors = r.get("source") or []
        if r["done"]:
            facts += 1
            found += bool(claims)
            right = any(names_actor(c["agent"], actors) for c in claims)
            agents += right
            ok = bool(claims) and right
        else:
            said += 1
            silent += not claims
            ok = not claims
        if verbose or not ok:
            got = [(c["count"], c["agent"]) for c in claims]
            coded = [a.get("actorText") for a in actors]
            mark = "ok  " if ok else "miss"
            print(f"  {mark} {r['id']} {r['action']} done={r['done']} coded {coded}, got {got}")
            print(f"       {r['text'][:110]!r}")
    print(f"records read: {len(rows)} ({facts} facts, {said} only said or planned)")
    print(f"facts: claim found {found} of {facts}; agent names the coded actor {agents} of {facts}")
    print(f"said or planned: no claim {silent} of {said}")


if __name__ == "__main__":
    main()
