"""Learning mode: guided tours, quizzes generated from the graph, and question banks for learning platforms.

Questions are made from a view of a dataset (what is on screen) and checked against the whole
graph, so each has exactly one right answer that the data supports. Banks export as Moodle GIFT,
Moodle XML, Markdown and JSON, and a quiz goes into the SCORM package (graph.export.scorm); apart
from that export, only the CLI and the app import this package.
"""

from graph.teaching.bank_json import json_text, write_json_bank
from graph.teaching.bank_markdown import markdown_text, write_markdown
from graph.teaching.banks import BANK_FORMATS, BankFormat, guess_bank_format, write_bank
from graph.teaching.gift import escape_gift, gift_text, write_gift
from graph.teaching.moodle_xml import moodle_xml_text, write_moodle_xml
from graph.teaching.questions import QUESTION_KINDS, Explanation, Option, Question, Quiz
from graph.teaching.quiz import DEFAULT_COUNT, count_by_kind, make_quiz, question_bank
from graph.teaching.tours import TOUR_PARAMETERS, TourPosition, position_from_query, start_tour, without_tour

__all__ = [
    "BANK_FORMATS",
    "DEFAULT_COUNT",
    "QUESTION_KINDS",
    "TOUR_PARAMETERS",
    "BankFormat",
    "Explanation",
    "Option",
    "Question",
    "Quiz",
    "TourPosition",
    "count_by_kind",
    "escape_gift",
    "gift_text",
    "guess_bank_format",
    "json_text",
    "make_quiz",
    "markdown_text",
    "moodle_xml_text",
    "position_from_query",
    "question_bank",
    "start_tour",
    "without_tour",
    "write_bank",
    "write_gift",
    "write_json_bank",
    "write_markdown",
    "write_moodle_xml",
]
