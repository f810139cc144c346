from django.db import migrations

from ligesind.accounts.seed import load_seed


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load_seed, migrations.RunPython.noop)]
