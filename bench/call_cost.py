"""Figure 1: client-side cost of one call, over an in-memory transport.

Every variant gets the same canned ``{"data": <OAuthClient>}`` body from an
``httpx.MockTransport``, so no server or socket time hides the client's own work: building the
request, auth, transport wrappers, status handling and parsing the body into objects.
"""

from __future__ import annotations

from bench import _calls, _profile, _sdk
from bench._payloads import API_KEY, CLIENT_ID, oauth_client_body
from bench._report import Goal, Row, Section, micros, ratio_text
from bench._stats import Batch, interleave, per_call
from bench._transports import canned

BASE_URL = "http://sandbox.invalid"
PROFILE_BATCHES = 5
OURS = "this project"
RAW = "raw httpx + json.loads"
SDK = "official SDK"


def batches(calls: int) -> dict[str, Batch]:
    """One batch per variant, each making ``calls`` calls through its own canned transport."""
    body = oauth_client_body()
    ours = _calls.ours_client(BASE_URL, API_KEY, canned(body))
    raw = _calls.raw_client(BASE_URL, API_KEY, canned(body))
    sdk = _sdk.with_transport(canned(body), api_key=API_KEY)
    return {
        OURS: per_call(_calls.ours(ours, CLIENT_ID), calls),
        RAW: per_call(_calls.raw(raw, CLIENT_ID), calls),
        SDK: per_call(_calls.sdk(sdk, CLIENT_ID), calls),
    }


def measure(rounds: int, calls: int) -> Section:
    """Median seconds per call of each variant, and this project's ratios to the other two."""
    variants = batches(calls)
    samples = interleave(variants, rounds)
    ours, raw, sdk = (samples.median(name) for name in (OURS, RAW, SDK))
    section = Section(
        figure="1",
        title="Client-side cost of one call (in-memory transport)",
        method=(
            f"`GET /v2/oauth_clients/{{id}}` and parse, answered by `httpx.MockTransport` with a "
            f"canned body; {samples.rounds} interleaved rounds of {calls:,} calls per variant. "
            "This project: generated `get_oauth_client.sync` through `telnyx_oauth.connect()` "
            "(API-key auth, retry transport, typed errors, models checked against the spec). "
            "Raw: `httpx.Client.get` + `json.loads`. "
            "SDK: `Telnyx(http_client=...).oauth_clients.retrieve` (pydantic models)."
        ),
    )
    to_raw, to_sdk = samples.ratio(OURS, RAW), samples.ratio(OURS, SDK)
    section.rows += [
        Row(
            "1",
            "one call, in-memory, per call",
            micros(ours),
            f"{RAW}: {micros(raw)}",
            to_raw,
            ratio_text(to_raw),
            Goal("<=", 1.2),
            spread=samples.ratio_iqr(OURS, RAW),
        ),
        Row(
            "1",
            "one call, in-memory, per call",
            micros(ours),
            f"{SDK}: {micros(sdk)}",
            to_sdk,
            ratio_text(to_sdk),
            Goal("<", 1),
            spread=samples.ratio_iqr(OURS, SDK),
        ),
    ]
    section.details += [
        (name, micros(samples.median(name)) + " per call") for name in samples.by_variant
    ]
    section.profile = lambda: _profile.profile(
        lambda: [variants[OURS]() for _ in range(PROFILE_BATCHES)],
        f"This project, {PROFILE_BATCHES * calls:,} in-memory calls",
    )
    return section
