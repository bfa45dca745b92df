"""Demo sign-ins: a superuser and two council staff members, one per commune.

Each staff account works for one commune only (``communes``: their slugs):
the back office shows it that commune's records and nothing else.

Passwords come from the environment; the defaults are for a development
machine only (the command refuses them when DEBUG is off).
"""

STAFF_GROUP = "Council staff"

ACCOUNTS = [
    {
        "label": "superuser",
        "username": "demo-admin",
        "email": "admin@sharaka.example",
        "password_env": "DEMO_ADMIN_PASSWORD",
        "default_password": "sharaka-demo-admin",
        "is_superuser": True,
        "groups": [],
        "communes": [],
    },
    {
        "label": "council staff, Guelmim only",
        "username": "demo-staff",
        "email": "staff@sharaka.example",
        "password_env": "DEMO_STAFF_PASSWORD",
        "default_password": "sharaka-demo-staff",
        "is_superuser": False,
        "groups": [STAFF_GROUP],
        "communes": ["guelmim"],
    },
    {
        "label": "council staff, Taroudant only",
        "username": "demo-taroudant",
        "email": "taroudant@sharaka.example",
        "password_env": "DEMO_TAROUDANT_PASSWORD",
        "default_password": "sharaka-demo-taroudant",
        "is_superuser": False,
        "groups": [STAFF_GROUP],
        "communes": ["taroudant"],
    },
]
