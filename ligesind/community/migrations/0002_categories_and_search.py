from django.db import migrations

from ligesind.community.seed import load_categories, make_search_indexes


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]
    operations = [
        migrations.RunPython(load_categories, migrations.RunPython.noop),
        migrations.RunPython(make_search_indexes, migrations.RunPython.noop),
    ]
