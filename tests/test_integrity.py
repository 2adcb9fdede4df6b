"""Valid-looking values the loader used to accept or rewrite silently are refused with FILE:LINE and a hint."""

from __future__ import annotations

import pytest
import yaml

from graph import ValidationError
from graph.dataset import yamlsafe
from graph.dataset.loading import load_bytes, load_dataset
from tests.helpers import DATA, TINY

HOSTILE = DATA / "hostile_valid"
REFUSED = {
    "id_trailing_newline.yaml": (15, "expected an id", "got 'first\\n'"),
    "colour_trailing_newline.yaml": (4, "expected a colour", "got '#E69F00\\n'"),
    "nan_threshold.yaml": (13, "expected a finite number, got '.nan'", ""),
    "inf_threshold.yaml": (13, "expected a finite number, got '-.inf'", ""),
    "nan_attribute.yaml": (13, "'.NaN' is not a finite number", "quote it"),
    "yaml11_sexagesimal.yaml": (13, "YAML 1.1 reads 12:30 as the number 750", 'in quotes to keep it as text: "12:30"'),
    "yaml11_octal.yaml": (13, "YAML 1.1 reads 01234 as the number 668", '"01234"'),
    "yaml11_boolean.yaml": (13, "YAML 1.1 reads NO as false", '"NO"'),
    "yaml11_float.yaml": (13, "YAML 1.1 reads 1_000.5 as the number 1000.5", '"1_000.5"'),
    "yaml11_unquoted_date.yaml": (13, "attribute values must be text", '"2020-01-31"'),
    "invisible_label_zwsp.yaml": (15, "shows nothing", "U+200B ZERO WIDTH SPACE"),
    "invisible_label_hangul.yaml": (15, "shows nothing", "U+3164 HANGUL FILLER"),
    "invisible_label_braille.yaml": (15, "shows nothing", "U+2800 BRAILLE PATTERN BLANK"),
    "invisible_label_rlm.yaml": (15, "shows nothing", "U+200F RIGHT-TO-LEFT MARK"),
    "str_tag_integer.yaml": (9, "expected a whole number of at least 0, got '1'", "a !!str tag make '1' text"),
    "label_null.yaml": (15, "expected some text", 'YAML reads a bare null as no value. Put it in quotes'),
    "long_key.yaml": (13, "a key is 1,100 characters long; YAML allows at most 1,024", "short name"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_value_is_refused_with_file_line_and_hint(name: str) -> None:
    line, message, hint = REFUSED[name]
    with pytest.raises(ValidationError) as caught:
        load_dataset(HOSTILE / name)
    text = str(caught.value)
    assert f"{HOSTILE.name}/{name}:{line}: " in text and message in text and hint in text, text


@pytest.mark.parametrize("value", ["65", "-2.5", "0.5", "1.0", "0.760", "1.10", "1e-5", "true", "False", '"12:30"',
                                   "'NO'", '"1.10"', "text with 12:30 in it"])
def test_values_every_yaml_reader_agrees_on_are_kept(value: str) -> None:
    text = TINY.read_text(encoding="utf-8").replace("attributes: {dose_mg: 65, oral: true}",
                                                     f"attributes: {{dose_mg: 65, oral: true, extra: {value}}}")
    dataset = load_bytes(text.encode(), "tiny.yaml")
    assert dataset.node("pill").attributes["extra"] == yaml.safe_load(f"v: {value}")["v"]


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_rewritten_values_are_refused_with_either_parser(monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    """PyYAML's own parser marks a plain scalar's style None, libyaml ''; both count as unquoted."""
    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML has no {loader} here")
    monkeypatch.setattr(yamlsafe, "_PARSER", getattr(yaml, loader))
    with pytest.raises(ValidationError, match="reads 12:30 as the number 750"):
        load_dataset(HOSTILE / "yaml11_sexagesimal.yaml")


def test_a_readable_label_with_a_zero_width_character_inside_is_kept() -> None:
    assert load_dataset(HOSTILE / "bom_in_label.yaml").node("payload").label == "Iron\ufeffpill"
