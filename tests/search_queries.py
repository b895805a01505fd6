"""Everyday words and the playbook search must put first: one table, for the
built index in Python (tests/site/test_search.py) and the real search box in the
browser (tests/browser/test_search.py)."""

# What a reader types, and the page the first result must be on.
EXPECTED_FIRST = {
    "invoice": "playbooks/billing-error/",
    "billing": "playbooks/billing-error/",
    "overcharged": "playbooks/billing-error/",
    "refund": "playbooks/billing-error/",
    "late": "playbooks/team-mistake/",
    "deadline": "playbooks/my-mistake/",
    "outage": "playbooks/service-outage/",
    "apology": "playbooks/team-mistake/",
    "angry": "playbooks/angry-client/",
    "voicemail": "playbooks/team-mistake/",
    "downtime": "playbooks/service-outage/",
    "escalation": "playbooks/client-escalation/",
    "cancel": "playbooks/client-escalation/",
    "privacy": "playbooks/data-slip/",
    "personal data": "playbooks/data-slip/",
    "no reply": "playbooks/gone-quiet/",
    "silence": "playbooks/gone-quiet/",
    "compensation": "playbooks/make-goods/",
    "discount": "playbooks/make-goods/",
    "gdpr": "playbooks/data-slip/",
    "breach": "playbooks/data-slip/",
    "furious": "playbooks/angry-client/",
    "sms": "playbooks/team-mistake/",  # where the text-message templates are
    "text message": "playbooks/team-mistake/",
}
