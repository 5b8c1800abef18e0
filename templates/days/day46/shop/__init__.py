"""Day 46: the support assistant as an agent: a ReAct loop with a calculator and a date tool."""
