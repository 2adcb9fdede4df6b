"""The ``imsmanifest.xml`` of a SCORM 1.2 package, as the IMS Content Packaging 1.1.2 and ADL
SCORM 1.2 schemas (``imscp_rootv1p1p2.xsd``, ``adlcp_rootv1p2.xsd``) declare it.

The manifest has the SCORM metadata (``ADL SCORM`` 1.2), one organization with one item, the
course, whose ``adlcp:masteryscore`` is the pass score (none for a lesson without a quiz, which
the LMS then records as completed rather than passed), and one resource, the SCO
(``adlcp:scormtype="sco"``) launched from ``index.html``, listing every file of the package. A
title is text (escaped by the XML writer) and at most 200 characters, the schemas' limit; the
identifiers are ``xsd:ID`` values made from a digest of the content, so the same course gets the
same identifier and an LMS can tell an updated package from another course.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = f"{CP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd"
LAUNCH = "index.html"
TITLE_LIMIT = 200

ET.register_namespace("", CP)
ET.register_namespace("adlcp", ADLCP)
ET.register_namespace("xsi", XSI)


def manifest_xml(title: str, pass_score: int | None, files: list[str], content: bytes) -> bytes:
    """The manifest for a course called ``title`` made of ``files`` (the launch page first);
    ``pass_score`` is None for a course without a quiz."""
    ids = _identifiers(content)
    manifest = ET.Element(f"{{{CP}}}manifest", {"identifier": ids["manifest"], "version": "1.0",
                                                f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS})
    metadata = ET.SubElement(manifest, f"{{{CP}}}metadata")
    ET.SubElement(metadata, f"{{{CP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.2"
    _organizations(manifest, ids, short_title(title), pass_score)
    _resources(manifest, ids, files)
    ET.indent(manifest)
    return ET.tostring(manifest, encoding="utf-8", xml_declaration=True) + b"\n"


def short_title(title: str) -> str:
    """The title on one line, cut to the schemas' 200 characters with an ellipsis."""
    flat = " ".join(title.split()) or "Course"
    return flat if len(flat) <= TITLE_LIMIT else flat[: TITLE_LIMIT - 1].rstrip() + "…"


def _identifiers(content: bytes) -> dict[str, str]:
    """``xsd:ID`` values (they must start with a letter) for the manifest and its parts."""
    digest = hashlib.sha256(content).hexdigest()[:16]
    return {part: f"kg-{part}-{digest}" for part in ("manifest", "organization", "item", "sco")}


def _organizations(manifest: ET.Element, ids: dict[str, str], title: str, pass_score: int | None) -> None:
    organizations = ET.SubElement(manifest, f"{{{CP}}}organizations", {"default": ids["organization"]})
    organization = ET.SubElement(organizations, f"{{{CP}}}organization", {"identifier": ids["organization"]})
    ET.SubElement(organization, f"{{{CP}}}title").text = title
    item = ET.SubElement(organization, f"{{{CP}}}item", {"identifier": ids["item"], "identifierref": ids["sco"],
                                                          "isvisible": "true"})
    ET.SubElement(item, f"{{{CP}}}title").text = title
    if pass_score is not None:
        ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(pass_score)


def _resources(manifest: ET.Element, ids: dict[str, str], files: list[str]) -> None:
    resources = ET.SubElement(manifest, f"{{{CP}}}resources")
    resource = ET.SubElement(resources, f"{{{CP}}}resource", {"identifier": ids["sco"], "type": "webcontent",
                                                              f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCH})
    for name in files:
        ET.SubElement(resource, f"{{{CP}}}file", {"href": name})
