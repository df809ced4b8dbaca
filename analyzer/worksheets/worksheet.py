"""A worksheet: the excerpts, their sources, the reading level, a content note and the questions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from analyzer.analysis import Analysis
from analyzer.errors import FramescopeError
from analyzer.signals.readability import grade_of
from analyzer.worksheets.excerpts import Excerpt, names_and_numbers, select_excerpts
from analyzer.worksheets.items import Question
from analyzer.worksheets.questions import make_questions

#: Side by side means at least two outlets; more than five no longer fits one lesson (DOMAIN.md).
MIN_OUTLETS = 2
MAX_OUTLETS = 5
#: Words that describe war violence; any of them in an excerpt turns on the content note.
_VIOLENCE = re.compile(
    r"\b(?:kill\w*|dead|deaths?|die[ds]?|dying|wound\w*|injur\w*|attack\w*|fight\w*|war|wars|"
    r"clash\w*|bomb\w*|massacre\w*|assassinat\w*|execut\w*|battle\w*|casualt\w*|shoot\w*|shot|"
    r"ambush\w*|invasion\w*|weapon\w*|ammunition|arms|blood\w*|violence|violent)\b",
    re.IGNORECASE,
)


class WorksheetError(FramescopeError):
    """The inputs cannot make a worksheet (fewer than two outlets with usable body text)."""


@dataclass(frozen=True, slots=True)
class ReadingLevel:
    """Flesch-Kincaid grade of the excerpts as printed, and of each whole article."""

    excerpt_grade: float
    article_grades: tuple[tuple[str, float], ...]

    def statement(self) -> str:
        grade = self.excerpt_grade
        return (
            f"Reading level: the excerpts read at Flesch-Kincaid grade {grade:.1f} "
            f"(US school grade; about age {grade + 5:.0f}-{grade + 6:.0f}). "
            f"{_advice(grade)}"
        )


@dataclass(frozen=True)
class Worksheet:
    title: str
    excerpts: tuple[Excerpt, ...]
    questions: tuple[Question, ...]
    reading_level: ReadingLevel
    content_note: str
    #: Outlets among the inputs that got no excerpt (no usable body text, or beyond five).
    left_out: tuple[str, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(excerpt.outlet for excerpt in self.excerpts)


def build_worksheet(
    analyses: Sequence[Analysis], *, outlets: Iterable[str] | None = None, title: str | None = None
) -> Worksheet:
    """Make a one-lesson worksheet from analysed articles about the same story.

    Parameters
    ----------
    analyses : sequence of Analysis
        Articles about one story, from two or more outlets.
    outlets : iterable of str, optional
        Only these outlets (2-5); by default the first five outlets with usable body text.
    title : str, optional
        The sheet's heading; by default the story's most shared words.

    Raises
    ------
    WorksheetError
        When fewer than two outlets remain, or more than five are asked for.
    """
    if outlets is not None:
        wanted = list(dict.fromkeys(outlets))
        if len(wanted) > MAX_OUTLETS:
            raise WorksheetError(f"a worksheet compares at most {MAX_OUTLETS} outlets")
        analyses = [a for a in analyses if a.meta.outlet in wanted]
    excerpts = select_excerpts(analyses, MAX_OUTLETS)
    if len(excerpts) < MIN_OUTLETS:
        found = ", ".join(e.outlet for e in excerpts) or "none"
        raise WorksheetError(
            f"a worksheet needs articles from at least {MIN_OUTLETS} outlets with body text "
            f"(usable: {found})"
        )
    joined = "\n\n".join(excerpt.text for excerpt in excerpts)
    level = ReadingLevel(
        excerpt_grade=grade_of(joined),
        article_grades=tuple(
            (e.outlet, float(e.analysis.scores.get("readability_fk_grade", 0.0))) for e in excerpts
        ),
    )
    return Worksheet(
        title=title or _default_title(excerpts),
        excerpts=tuple(excerpts),
        questions=tuple(make_questions(excerpts)),
        reading_level=level,
        content_note=content_note(joined),
        left_out=tuple(
            outlet
            for outlet in dict.fromkeys(a.meta.outlet for a in analyses)
            if outlet not in {e.outlet for e in excerpts}
        ),
    )


def content_note(text: str) -> str:
    """A warning for the teacher and students when the excerpts describe war violence."""
    words = sorted({m.group(0).lower() for m in _VIOLENCE.finditer(text)})
    if not words:
        return (
            "Content note: no words of war violence from the worksheet's list appear in these "
            "excerpts. Preview the excerpts before class all the same."
        )
    return (
        "Content note: these excerpts describe war and violence (for example: "
        f"{', '.join(words[:6])}). Preview them before class and tell students before they read."
    )


def source_line(excerpt: Excerpt, *, file_name: bool = False) -> str:
    """Outlet, headline, date and address of an excerpt, saying plainly what is missing.

    A file never prints as a path (it names a folder on the teacher's computer); with
    ``file_name`` (the answer key) an article without an address is traced to its file's name.
    """
    meta = excerpt.analysis.meta
    parts = [meta.outlet]
    if meta.title:
        parts.append(f"'{meta.title}'")
    parts.append(
        f"published {meta.published}" if meta.published else "date not given in the source"
    )
    if meta.url:
        parts.append(meta.url)
    elif file_name and meta.file:
        parts.append(f"file {PurePath(meta.file).name}")
    else:
        parts.append("no address given")
    paragraphs = ", ".join(str(p) for p in excerpt.paragraphs)
    label = "paragraph" if len(excerpt.paragraphs) == 1 else "paragraphs"
    parts.append(f"{label} {paragraphs}")
    return "; ".join(parts)


def _default_title(excerpts: Sequence[Excerpt]) -> str:
    """The names most excerpts mention ("Taliban, Panjshir, Massoud"): the story's who and where."""
    found = [{n for n in names_and_numbers(e.text) if n.isalpha()} for e in excerpts]
    counts = Counter(name for names in found for name in names)
    top = [name for name, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if n > 1][:3]
    return f"{', '.join(top) or 'One story'}: {len(excerpts)} outlets side by side"


def _advice(grade: float) -> str:
    if grade >= 13:
        return "University level: read the excerpts aloud together with secondary classes."
    if grade >= 10:
        return "Upper-secondary level: pre-teach hard words with younger classes."
    return "Secondary level."
