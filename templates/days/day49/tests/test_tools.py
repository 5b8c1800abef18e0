import json

from fakellm import ToolCall
from shop.feedback import rating_summary, search_feedback
from shop.tools import ToolGate, ToolUse


def spied_gate():
    used: list[str] = []

    def search(**kwargs):
        used.append("search_feedback")
        return search_feedback(**kwargs)

    def summary(**kwargs):
        used.append("rating_summary")
        return rating_summary(**kwargs)

    return ToolGate({"search_feedback": search, "rating_summary": summary}), used


def test_writer_model_cannot_run_the_researchers_search_tool(run_report, writer_llm):
    # Nothing in the request offers the writer this tool; its model asks for it anyway.
    writer_llm.reply(ToolCall("search_feedback", {"product": "kettle", "max_rating": 2}))
    gate, used = spied_gate()

    run = run_report("kettle", gate=gate)

    assert used == ["search_feedback"]  # the researcher's one search, nothing more
    assert [u.role for u in gate.ran] == ["researcher"]
    assert gate.refused == [
        ToolUse("writer", "search_feedback", {"product": "kettle", "max_rating": 2})
    ]
    tool_message = writer_llm.requests[1]["messages"][-1]
    assert tool_message["role"] == "tool"
    assert json.loads(tool_message["content"]) == {
        "error": "tool search_feedback is not allowed for writer"
    }
    assert run.report.complete


def test_writer_may_run_its_own_tool(run_report, writer_llm):
    writer_llm.reply(ToolCall("rating_summary", {"product": "kettle"}))
    gate, used = spied_gate()

    run_report("kettle", gate=gate)

    assert used == ["search_feedback", "rating_summary"]
    assert gate.refused == []
    result = json.loads(writer_llm.requests[1]["messages"][-1]["content"])
    assert result == {"product": "kettle", "count": 3, "average": 3.67}


def test_each_role_is_offered_only_its_own_tools(run_report, researcher_llm, writer_llm):
    run_report("kettle")

    def offered(llm):
        return sorted(t["function"]["name"] for t in llm.requests[0]["tools"])

    assert offered(researcher_llm) == ["rating_summary", "search_feedback"]
    assert offered(writer_llm) == ["rating_summary"]


def test_unknown_role_may_run_nothing():
    gate, used = spied_gate()
    answer = json.loads(gate.call("intern", "rating_summary", {"product": "kettle"}))
    assert "not allowed" in answer["error"]
    assert used == []
