"""The HTTP API: what an authority's other systems use to read and change its inventory and
assessments. OpenAPI at /api/openapi.json, interactive documentation at /api/docs (served from this
server, no CDN). Every endpoint needs a token (see auth.py) and is versioned under /api/v1/.
"""

from __future__ import annotations

from ninja import NinjaAPI

from tillid.web.api import assessments, knowledge, systems
from tillid.web.api.auth import BearerToken
from tillid.web.api.problems import JsonBody, install_error_handlers

api = NinjaAPI(
    title="tillid API",
    version="1",
    description="AI systems, assessments, results and documents of one organisation. "
    "Send `Authorization: Bearer <token>`; an administrator makes tokens on the page API tokens. "
    'Errors are JSON `{"detail": "..."}` with a message a person can act on.',
    auth=BearerToken(),
    parser=JsonBody(),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
install_error_handlers(api)
api.add_router("/v1/systems", systems.router)
api.add_router("/v1/", assessments.router)
api.add_router("/v1/knowledge", knowledge.router)
