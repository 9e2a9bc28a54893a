"""The web application: a thin Django face over the core (knowledge, assessment, audit, reports).

Apps, one responsibility each: `accounts` (organisations, people, roles), `inventory` (AI systems),
`assessments` (questionnaire, answers, results, review). Business logic lives in each app's
`services.py` (changes state) and `selectors.py` (reads, always scoped to an organisation).
"""
