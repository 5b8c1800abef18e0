"""The agent service: long-running jobs that use tools, with human approval before any write.

    POST /api/agent/jobs                 create a job (202 + job id); a worker runs it later
    GET  /api/agent/jobs/{id}            the job's state, steps and report
    POST /api/agent/jobs/{id}/approve    the named approver approves or rejects the parked write

It owns the tables `jobs`, `job_steps` and `approvals`, publishes `approval.requested` and
`agent.job.completed`, and reaches documents only through ports (`tools.py`).
"""
