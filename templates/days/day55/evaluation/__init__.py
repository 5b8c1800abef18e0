"""The capstone's RAG evaluation: a small labelled set, two metrics and a committed baseline."""
