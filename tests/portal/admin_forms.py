"""Build the POST data of an admin add/change page the way a browser would send it."""

from django import forms


def form_fields_data(form) -> dict:
    """The values a browser would submit for the form as it was rendered."""
    data = {}
    for bound in form:
        field, name = bound.field, bound.html_name
        if isinstance(field, forms.FileField):
            continue
        value = bound.value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
            continue
        if isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)):
            data[name] = [str(item) for item in value or []]
        elif value is None:
            data[name] = ""
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    return data


def admin_form_data(response) -> dict:
    """Main form, management forms and existing inline rows of an admin change page."""
    data = form_fields_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{formset.prefix}-{name}"] = str(management.initial.get(name, ""))
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.initial_form_count())
        for form in formset.initial_forms:
            data.update(form_fields_data(form))
    return data


def add_inline_rows(data: dict, prefix: str, rows: list[dict]) -> dict:
    """Append new rows to the inline formset ``prefix``, as "Add another" would."""
    total_key = f"{prefix}-TOTAL_FORMS"
    assert total_key in data, f"no inline formset with prefix {prefix!r} on this page"
    start = int(data[total_key])
    for offset, row in enumerate(rows):
        for key, value in row.items():
            if isinstance(value, (list, tuple)):
                value = [str(item) for item in value]
            elif not hasattr(value, "read"):
                value = str(value)
            data[f"{prefix}-{start + offset}-{key}"] = value
    data[total_key] = str(start + len(rows))
    return data


def page_errors(response) -> dict:
    """Every error of the main form and the inline formsets, to explain a failed save."""
    if response.context is None or "adminform" not in response.context:
        return {"status": response.status_code}
    errors = {"form": response.context["adminform"].form.errors}
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        if formset.non_form_errors() or any(formset.errors):
            errors[formset.prefix] = [formset.non_form_errors(), formset.errors]
    return errors
