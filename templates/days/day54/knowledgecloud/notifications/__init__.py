"""The notifications service: turns events into messages for people.

    GET /api/notifications    the caller's notifications, newest first

It owns the tables `notifications` and `processed_events`, and consumes `approval.requested`
(tell the approver) and `agent.job.completed` (tell the job's owner).
"""
