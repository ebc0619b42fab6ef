"""Helpers shared by more than one test suite; each exists once, here.

(The sandbox's own test client, ``telnyx_oauth_sandbox.SandboxControls``, ships with the sandbox.)
"""
