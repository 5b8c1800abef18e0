from shop.messages import FAILED, RESEARCHER, RESULT, SUPERVISOR, TASK, caused_by, start


def test_a_caused_message_keeps_the_conversation_and_points_at_its_cause():
    task = start(SUPERVISOR, RESEARCHER, TASK, {"text": "go"})
    result = caused_by(task, RESEARCHER, SUPERVISOR, RESULT, {"text": "done"})
    retry = caused_by(result, SUPERVISOR, RESEARCHER, TASK, {"text": "again"})

    assert task.correlation_id == task.id and task.causation_id is None

    assert result.correlation_id == task.correlation_id == retry.correlation_id
    assert result.causation_id == task.id
    assert retry.causation_id == result.id
    assert (result.sender, result.recipient, result.kind) == (RESEARCHER, SUPERVISOR, RESULT)
    assert result.body == {"text": "done"}


def test_every_caused_message_gets_its_own_id():
    task = start(SUPERVISOR, RESEARCHER, TASK, {})
    replies = [caused_by(task, RESEARCHER, SUPERVISOR, FAILED, {}) for _ in range(3)]
    ids = {task.id, *(r.id for r in replies)}
    assert len(ids) == 4
