"""Spec diff: every change to openapi/telnyx-oauth.yaml since its release, judged by version.

`python -m tools.spec_diff` (`make spec-diff`). Optic's engine lists the differences and runs its
breaking-changes rules (`optic_diff.mjs`); `rules.py` adds what Optic does not check for a
generated client; `classify.py` gives each change its level; `history.py` finds releases in git;
`verdict.py` judges the version bump and the changelog.
"""
