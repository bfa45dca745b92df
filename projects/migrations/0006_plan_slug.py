"""Development plans get a slug, so that filters name them as they name communes
and sectors (``?plan=guelmim-pcd-2010-2015``); the comment length is the form's."""

from django.db import migrations, models


def fill_slugs(apps, schema_editor):
    DevelopmentPlan = apps.get_model("projects", "DevelopmentPlan")
    taken = set()
    for plan in DevelopmentPlan.objects.select_related("commune").order_by("pk"):
        base = f"{plan.commune.slug}-{plan.kind}-{plan.start_year}-{plan.end_year}"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        plan.slug = slug
        plan.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_illustrative"),
    ]

    operations = [
        migrations.AddField(
            model_name="developmentplan",
            name="slug",
            # No index yet: the unique one comes once every row has its slug.
            field=models.SlugField(
                allow_unicode=True,
                db_index=False,
                editable=False,
                max_length=255,
                verbose_name="slug",
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="developmentplan",
            name="slug",
            field=models.SlugField(
                allow_unicode=True, editable=False, max_length=255, unique=True, verbose_name="slug"
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="body",
            field=models.TextField(max_length=2000, verbose_name="text"),
        ),
    ]
