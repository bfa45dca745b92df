"""Open data: the downloads page and one address per dataset and format."""

from django.urls import path

from . import opendata

app_name = "opendata"

urlpatterns = [path("open-data/", opendata.index, name="index")] + [
    path(
        f"{dataset.key}/export.{fmt}",
        opendata.export,
        {"dataset": dataset.key, "fmt": fmt},
        name=f"{dataset.key}_{fmt}",
    )
    for dataset in opendata.DATASETS
    for fmt in dataset.formats
]
