from django.db import migrations

from ligesind.safety.lexicon import load_lexicon


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]
    operations = [migrations.RunPython(load_lexicon, migrations.RunPython.noop)]
