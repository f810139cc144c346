from django.db import migrations

from ligesind.activities.seed import load_course_templates


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(load_course_templates, migrations.RunPython.noop)]
