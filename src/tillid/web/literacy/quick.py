"""The light path for a small company: pick the AI tools you use, get a proportionate plan.

Each tool is registered as an AI system and assessed with the AI Act answers of a worked example
(the demo's answer files, whose comments give the legal reasoning), so the plan comes from the same
packs and engine as every other assessment; the company can open the assessment and correct it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tillid.assessment.answers import read_answer_set


@dataclass(frozen=True)
class Tool:
    id: str
    name: Promise
    purpose: Promise
    answers: str  # file in tillid/examples/demo


TOOLS = [
    Tool(
        "genai_assistant",
        _("Generative AI assistant (e.g. ChatGPT or Copilot)"),
        _("Staff use a general AI assistant to draft texts, summarise and search."),
        "writing_assistant.yaml",
    ),
    Tool(
        "customer_chatbot",
        _("Chatbot for customers on the website"),
        _("Answers customers' questions on the website; built on a supplier's AI model."),
        "website_chatbot.yaml",
    ),
    Tool(
        "cv_screening",
        _("AI that sorts or ranks job applicants"),
        _("Screens and ranks applications in recruitment; people decide whom to invite."),
        "cv_screening.yaml",
    ),
]
TOOLS_BY_ID = {t.id: t for t in TOOLS}


def preset_answers(tool: Tool) -> dict[str, object]:
    """The example's AI Act answers only: the company's own context decides the rest."""
    folder = Path(str(resources.files("tillid.examples").joinpath("demo")))
    answer_set = read_answer_set(folder / tool.answers)
    return {q: v for q, v in answer_set.answers.items() if q.startswith("aia.")}
