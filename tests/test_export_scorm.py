"""The SCORM 1.2 package: its manifest against the IMS/ADL schemas and the packaging rules, its files, its quiz.

The rules checked beyond the schemas are those of the IMS Content Packaging 1.1.2 information
model and the SCORM 1.2 Content Aggregation Model: the manifest at the root of the zip with the
schemas it names; ``ADL SCORM`` 1.2 metadata; a default organization that exists; every item's
``identifierref`` naming a resource; identifiers unique; the SCO's launch page and every listed
file present in the zip, and every file of the zip listed; ``adlcp:masteryscore`` from 0 to 100.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from lxml import etree
from markupsafe import escape

from graph import Explorer, ViewSpec
from graph.cli import main
from graph.errors import ExportError
from graph.export import FORMATS, export_bytes, export_notes
from graph.export.scorm import SCHEMAS, course_bytes, tour_course

DATA = Path(__file__).parent / "data"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
CONTROL_FILES = {"imsmanifest.xml", *SCHEMAS}
ADL_SHA256 = {  # the schemas as ADL distributed them (graph/export/templates/scorm12-schemas.md)
    "adlcp_rootv1p2.xsd": "a87f8ad328bb61c435b2a1ef3948cc0b3a4bc3ad1b0145b3733acfde70957b7e",
    "ims_xml.xsd": "eff7762a7dfbe6aea40c5186a3c78b2478cb99a882b911ec25898789829cc083",
    "imscp_rootv1p1p2.xsd": "e26020ee1d6b4ea0a6adf76b419cdc76061b64dfcb5be0596636760e31d4e7e8",
}


def package(name: str = "learning.yaml", spec: ViewSpec | None = None, **options: object) -> zipfile.ZipFile:
    explorer = Explorer.from_path(DATA / name)
    return zipfile.ZipFile(io.BytesIO(export_bytes(explorer.view(spec or ViewSpec(claims=True)), "scorm", **options)))


@pytest.fixture(scope="module")
def learning() -> zipfile.ZipFile:
    return package(pass_score=70)


@pytest.fixture(scope="module")
def tour() -> zipfile.ZipFile:
    course = tour_course(Explorer.from_path(DATA / "learning.yaml"), "iron-story")
    return zipfile.ZipFile(io.BytesIO(course_bytes(course)))


def packaging_problems(archive: zipfile.ZipFile) -> list[str]:
    """Every way the package breaks the schemas or the packaging rules; [] for a good one."""
    names = set(archive.namelist())
    if not names >= CONTROL_FILES:
        return [f"missing at the root: {sorted(CONTROL_FILES - names)}"]
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    schema = _package_schema(archive)
    problems = [] if schema.validate(manifest) else [str(error) for error in schema.error_log]
    return problems + _rule_problems(manifest, names)


def _package_schema(archive: zipfile.ZipFile) -> etree.XMLSchema:
    """The package's own copies of the schemas, read by lxml from a folder as an LMS would."""
    with tempfile.TemporaryDirectory() as folder:
        for name in SCHEMAS:
            (Path(folder) / name).write_bytes(archive.read(name))
        return etree.XMLSchema(etree.parse(str(Path(folder) / "adlcp_rootv1p2.xsd")))


def _rule_problems(manifest: etree._Element, names: set[str]) -> list[str]:
    problems = []
    metadata = (manifest.findtext(f"{CP}metadata/{CP}schema"), manifest.findtext(f"{CP}metadata/{CP}schemaversion"))
    if metadata != ("ADL SCORM", "1.2"):
        problems.append(f"metadata is {metadata}, not ('ADL SCORM', '1.2')")
    ids = [element.get("identifier") for element in manifest.iter() if element.get("identifier")]
    if len(ids) != len(set(ids)):
        problems.append(f"identifiers repeat: {ids}")
    organizations = manifest.find(f"{CP}organizations")
    if organizations.get("default") not in {o.get("identifier") for o in organizations.findall(f"{CP}organization")}:
        problems.append("the default organization does not exist")
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    for item in manifest.iter(f"{CP}item"):
        if item.get("identifierref") not in resources:
            problems.append(f"item {item.get('identifier')} names no resource")
        mastery = item.findtext(f"{ADLCP}masteryscore")
        if mastery is not None and not 0 <= float(mastery) <= 100:
            problems.append(f"masteryscore {mastery} is not 0-100")
    return problems + _file_problems(resources.values(), names)


def _file_problems(resources: Iterable[etree._Element], names: set[str]) -> list[str]:
    problems, listed = [], set()
    for resource in resources:
        files = {file.get("href") for file in resource.findall(f"{CP}file")}
        listed |= files
        if resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("href") not in files:
            problems.append(f"the SCO's launch page {resource.get('href')} is not among its files")
        problems += [f"{name} is listed but not in the zip" for name in sorted(files - names)]
    problems += [f"{name} is in the zip but not listed" for name in sorted(names - listed - CONTROL_FILES)]
    return problems


def test_the_manifest_is_valid_scorm_12(learning: zipfile.ZipFile, tour: zipfile.ZipFile) -> None:
    assert packaging_problems(learning) == []
    assert packaging_problems(tour) == []


@pytest.mark.parametrize(("old", "new", "problem"), [
    (b'scormtype="sco"', b'scormtype="lesson"', "not an element of the set"),
    (b"<schemaversion>1.2", b"<schemaversion>2004", "metadata is"),
    (b'<file href="lesson-1.html" />', b"", "in the zip but not listed"),
    (b'identifierref="kg-sco-', b'identifierref="kg-other-', "names no resource"),
    (b">70</adlcp:masteryscore>", b">170</adlcp:masteryscore>", "is not 0-100"),
    (b'<file href="index.html" />', b'<file href="lesson-9.html" />', "launch page index.html is not among"),
])
def test_the_rules_catch_a_broken_manifest(learning: zipfile.ZipFile, old: bytes, new: bytes, problem: str) -> None:
    """Each rule fails on a manifest broken in its way (so a passing check means something)."""
    manifest = learning.read("imsmanifest.xml")
    assert old in manifest
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as broken:
        for name in learning.namelist():
            broken.writestr(name, manifest.replace(old, new, 1) if name == "imsmanifest.xml" else learning.read(name))
    assert any(problem in text for text in packaging_problems(zipfile.ZipFile(buffer)))


def test_the_schemas_are_adls_unchanged(learning: zipfile.ZipFile) -> None:
    assert {name: hashlib.sha256(learning.read(name)).hexdigest() for name in SCHEMAS} == ADL_SHA256


def test_the_mastery_score_is_the_pass_score_and_the_page_knows_it(learning: zipfile.ZipFile) -> None:
    manifest = etree.fromstring(learning.read("imsmanifest.xml"))
    assert manifest.findtext(f".//{ADLCP}masteryscore") == "70"
    assert _course_data(learning)["passScore"] == 70
    assert "You pass with 70%" in learning.read("index.html").decode()


def _course_data(archive: zipfile.ZipFile) -> dict:
    page = archive.read("index.html").decode()
    found = re.search(r'<script id="course-data" type="application/json">(.*?)</script>', page, re.S)
    assert found
    return json.loads(found.group(1))


def test_the_quiz_is_the_views_quiz_with_its_answers(learning: zipfile.ZipFile) -> None:
    from graph.teaching import make_quiz

    quiz = make_quiz(Explorer.from_path(DATA / "learning.yaml"), ViewSpec(claims=True))
    data = _course_data(learning)
    assert [q["id"] for q in data["questions"]] == [q.id for q in quiz.questions]
    assert [q["answer"] for q in data["questions"]] == [q.answer for q in quiz.questions]
    page = learning.read("index.html").decode()
    assert all(str(escape(q.prompt)) in page for q in quiz.questions) and data["pages"] == 1


def test_a_tour_has_a_lesson_page_per_step_and_a_quiz_on_them_all(tour: zipfile.ZipFile) -> None:
    steps = Explorer.from_path(DATA / "learning.yaml").dataset.tour("iron-story").steps
    assert sorted(name for name in tour.namelist() if name.startswith("lesson-")) == [
        f"lesson-{n}.html" for n in range(1, len(steps) + 1)]
    page = tour.read("index.html").decode()
    assert page.count('class="course-caption"') == len(steps) and _course_data(tour)["questions"]
    tabs = re.findall(r'class="course-tab"[^>]*>([^<]*)</button>', page)
    questions = len(_course_data(tour)["questions"])
    assert tabs == [*(f"Step {n}" for n in range(1, len(steps) + 1)), f"Quiz ({questions} questions)"]
    assert f"<h2>Step 1 of {len(steps)}: " in page and "Tours test graph: " not in page.split("<main>")[1][:2000]


def test_dataset_text_is_escaped_in_the_manifest_and_the_course_page() -> None:
    archive = package("xss.yaml", ViewSpec(claims=True), title='<img src=x onerror=alert(1)> & "co"')
    manifest = archive.read("imsmanifest.xml").decode()
    assert "&lt;img src=x onerror=alert(1)&gt; &amp;" in manifest and "<img" not in manifest
    page = archive.read("index.html").decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_long_title_is_cut_to_the_schemas_200_characters() -> None:
    manifest = etree.fromstring(package("tiny.yaml", title="word " * 80).read("imsmanifest.xml"))
    titles = [element.text for element in manifest.iter(f"{CP}title")]
    assert titles and all(len(title) == 200 and title.endswith("…") for title in titles)


def test_the_package_fetches_nothing(learning: zipfile.ZipFile) -> None:
    """No script, style sheet, image or frame comes from a web address (links to references are
    there to be followed, not fetched)."""
    for name in ("index.html", "lesson-1.html"):
        page = learning.read(name).decode()
        assert not re.search(r"<(script|img|iframe|link)\b[^>]*(src|href)=[\"']?(https?:)?//", page), name


def test_a_pass_score_out_of_range_is_refused() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    with pytest.raises(ExportError, match="pass_score must be between 0 and 100, got 101"):
        export_bytes(view, "scorm", pass_score=101)
    with pytest.raises(ExportError, match="has no option 'pass_score'"):
        export_bytes(view, "json", pass_score=80)
    assert FORMATS["scorm"].options == ("title", "pass_score")


def test_the_cli_writes_a_view_and_a_tour(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    course, tour_zip = tmp_path / "course.zip", tmp_path / "tour.zip"
    dataset = str(DATA / "learning.yaml")
    view = ["--claims", "on", "--pass-score", "60"]
    assert main(["export", dataset, "--format", "scorm", *view, "-o", str(course)]) == 0
    assert main(["export", dataset, "--tour", "iron-story", "--format", "scorm", "-o", str(tour_zip)]) == 0
    out = capsys.readouterr().out
    assert f"Wrote {course} (scorm:" in out and "lesson pages of" in out and "passed at 80%" in out
    assert etree.fromstring(zipfile.ZipFile(course).read("imsmanifest.xml")).findtext(f".//{ADLCP}masteryscore") == "60"
    assert packaging_problems(zipfile.ZipFile(tour_zip)) == []


def test_a_view_without_questions_is_a_lesson_alone() -> None:
    """No quiz tab and no mastery score (the LMS then records completed, not passed or failed); the
    teacher is told before making it."""
    view = Explorer.from_path(DATA / "xss.yaml").view(ViewSpec(claims=False))
    archive = zipfile.ZipFile(io.BytesIO(export_bytes(view, "scorm")))
    assert packaging_problems(archive) == []
    assert etree.fromstring(archive.read("imsmanifest.xml")).find(f".//{ADLCP}masteryscore") is None
    assert "Quiz (" not in archive.read("index.html").decode()
    assert export_notes(view, "scorm")[0].startswith("This view yields no quiz questions")
    learning = Explorer.from_path(DATA / "learning.yaml").view(ViewSpec(claims=True))
    assert export_notes(learning, "scorm", pass_score=70) == [
        "The quiz has 6 questions; the LMS records passed at 70% or more."]
