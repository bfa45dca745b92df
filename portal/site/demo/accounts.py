"""Demo sign-ins: a superuser and a council staff member.

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
    },
    {
        "label": "council staff",
        "username": "demo-staff",
        "email": "staff@sharaka.example",
        "password_env": "DEMO_STAFF_PASSWORD",
        "default_password": "sharaka-demo-staff",
        "is_superuser": False,
        "groups": [STAFF_GROUP],
    },
]
