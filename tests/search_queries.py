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

# The same for the Russian handbook (i18n/ru, built with mkdocs.ru.yml): everyday
# Russian words, as a reader types them (with or without the letter yo).
EXPECTED_FIRST_RU = {
    "счёт": "playbooks/billing-error/",
    "счет": "playbooks/billing-error/",
    "переплата": "playbooks/billing-error/",
    "возврат денег": "playbooks/billing-error/",
    "сбой": "playbooks/service-outage/",
    "сайт лежит": "playbooks/service-outage/",
    "извинение": "playbooks/team-mistake/",
    "опоздали": "playbooks/team-mistake/",
    "злой клиент": "playbooks/angry-client/",
    "кричит": "playbooks/angry-client/",
    "грубит": "playbooks/angry-client/",
    "молчит": "playbooks/gone-quiet/",
    "игнорирует": "playbooks/gone-quiet/",
    "утечка данных": "playbooks/data-slip/",
    "персональные данные": "playbooks/data-slip/",
    "скидка": "playbooks/make-goods/",
    "компенсация": "playbooks/make-goods/",
    "сроки": "playbooks/client-delay/",
    "голосовое сообщение": "playbooks/team-mistake/",
    "СМС": "playbooks/team-mistake/",  # where the text-message templates are
    "расторгнуть договор": "playbooks/client-escalation/",
    "хочет уйти": "playbooks/client-escalation/",
    "жалоба руководству": "playbooks/client-escalation/",
    "подрядчик": "playbooks/unknown-cause/",
    "обещание": "playbooks/broken-promise/",
    "повторная ошибка": "playbooks/same-mistake-twice/",
    "переделать": "playbooks/work-disliked/",
    "сверх договора": "playbooks/scope-creep/",
}
