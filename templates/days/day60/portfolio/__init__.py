"""Turn a course repo into a portfolio, a case study and a job-search checklist.

    python -m portfolio --repo .. --out out

reads the repo's `dayNN/` folders and git history, the role map in `roles.py` and your answers
in `case_study.toml`, and writes `PORTFOLIO.md`, `CASE_STUDY.md` and `CHECKLIST.md` into `out/`.
Everything it writes is checked for structure: sections, links that resolve, ISO dates, no
placeholders left, numbers in the results.
"""
