from django.db import migrations, models

from ligesind.core.municipalities import load_municipalities



class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Municipality",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=60, unique=True, verbose_name="name")),
                ("slug", models.SlugField(max_length=60, unique=True, verbose_name="slug")),
                (
                    "region",
                    models.CharField(
                        choices=[
                            ("hovedstaden", "Capital Region of Denmark"),
                            ("sjaelland", "Region Zealand"),
                            ("syddanmark", "Region of Southern Denmark"),
                            ("midtjylland", "Central Denmark Region"),
                            ("nordjylland", "North Denmark Region"),
                        ],
                        max_length=20,
                        verbose_name="region",
                    ),
                ),
            ],
            options={"ordering": ["name"], "verbose_name": "municipality", "verbose_name_plural": "municipalities"},
        ),
        migrations.RunPython(load_municipalities, migrations.RunPython.noop),
    ]
