"""The agent service's HTTP API.

The gateway checks the caller's JWT and forwards who they are in two headers, `X-Tenant-Id` and
`X-User-Id`; this service trusts only the gateway (it is not reachable from outside).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from knowledgecloud.agent.service import AgentService, Caller, Conflict, Forbidden, NotFound


class JobRequest(BaseModel):
    goal: str = Field(min_length=1, max_length=2000)
    approver_id: str | None = Field(default=None, min_length=1)


class Decision(BaseModel):
    approve: bool


def caller(
    x_tenant_id: Annotated[str | None, Header()] = None,
    x_user_id: Annotated[str | None, Header()] = None,
) -> Caller:
    if not x_tenant_id or not x_user_id:
        raise HTTPException(401, "missing identity: call through the gateway with a token")
    return Caller(x_tenant_id, x_user_id)


def create_app(service: AgentService) -> FastAPI:
    app = FastAPI(title="KnowledgeCloud agent")

    @app.post("/api/agent/jobs", status_code=202)
    def create_job(body: JobRequest, who: Annotated[Caller, Depends(caller)]) -> JSONResponse:
        job = service.create_job(who, body.goal, body.approver_id)
        return JSONResponse(
            {"job_id": job.id, "state": job.state.value},
            status_code=202,
            headers={"Location": f"/api/agent/jobs/{job.id}"},
        )

    @app.get("/api/agent/jobs/{job_id}")
    def get_job(job_id: str, who: Annotated[Caller, Depends(caller)]) -> dict:
        try:
            return service.view(who, job_id)
        except NotFound:
            raise HTTPException(404, "no such job") from None

    @app.post("/api/agent/jobs/{job_id}/approve")
    def approve(job_id: str, body: Decision, who: Annotated[Caller, Depends(caller)]) -> dict:
        try:
            state = service.decide(who, job_id, body.approve)
        except NotFound:
            raise HTTPException(404, "no such job") from None
        except Forbidden as error:
            raise HTTPException(403, str(error)) from None
        except Conflict as error:
            raise HTTPException(409, str(error)) from None
        return {"job_id": job_id, "state": state.value}

    return app
