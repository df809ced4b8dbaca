"""Story packs in the dashboard: recognised among uploads, loaded, suggested and saved."""

from __future__ import annotations

import pytest

from analyzer.analysis import analyze
from analyzer.document import ArticleMeta
from analyzer.errors import InputError
from analyzer.io.pack_uploads import (
    is_story_pack,
    story_pack_file,
    story_pack_upload,
    suggested_table,
)
from analyzer.io.uploads import story_pack_from_table

PACK = b"# my story\nactor,aliases,kind\nTaliban,Taliban fighters;Islamic Emirate,group\n"


def test_a_story_pack_is_known_by_its_name_or_by_a_header_of_actors_without_text():
    assert is_story_pack("storypack.csv", b"anything")
    assert is_story_pack("StoryPack.CSV", PACK)
    assert is_story_pack("actors-for-panjshir.csv", PACK)
    assert not is_story_pack("articles.csv", b"text,outlet\nHello,A\n")
    assert not is_story_pack("both.csv", b"actor,aliases,text\nA,B,C\n")
    assert not is_story_pack("article.txt", PACK)


def test_an_uploaded_pack_fills_the_editor_and_saves_back_to_the_same_pack():
    table = story_pack_upload("storypack.csv", PACK)
    assert table.to_dict("records") == [
        {"actor": "Taliban", "aliases": "Taliban fighters; Islamic Emirate", "kind": "group"}
    ]
    saved = story_pack_file(table)
    assert saved.splitlines()[0] == "actor,aliases,kind"
    again = story_pack_upload("storypack.csv", saved.encode())
    assert again.equals(table)
    pack = story_pack_from_table(again)
    assert pack is not None and pack.actors[0].aliases == (
        "Taliban",
        "Taliban fighters",
        "Islamic Emirate",
    )


def test_a_broken_pack_is_one_error_naming_the_file():
    broken = b"actor,aliases\nTaliban,Emirate\nISIS,Emirate\n"
    with pytest.raises(InputError) as raised:
        story_pack_upload("storypack.csv", broken)
    assert str(raised.value).startswith("storypack.csv: not a valid story pack")
    assert "'Emirate'" in str(raised.value)


def test_saving_leaves_out_rows_without_an_actor():
    table = story_pack_upload("storypack.csv", PACK)
    table.loc[1] = ["", "stray alias", "group"]
    assert story_pack_file(table).splitlines()[1:] == [
        "Taliban,Taliban fighters; Islamic Emirate,group"
    ]


def test_actors_are_suggested_from_the_analysed_articles():
    text = (
        "Ahmad Massoud said his forces would resist. Massoud spoke from the Panjshir valley. "
        "The Taliban said the roads were open. A Taliban spokesman repeated it."
    )
    table = suggested_table([analyze(text, meta=ArticleMeta(outlet="A"))])
    assert list(table.columns) == ["actor", "aliases", "kind"]
    assert {"Ahmad Massoud", "Taliban"} <= set(table["actor"])
