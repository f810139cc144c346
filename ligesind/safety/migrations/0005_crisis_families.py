"""The crisis lexicon by risk family (issue 17): the new phrases in place of the first ones."""

from django.db import migrations, models

from ligesind.safety.lexicon import load_lexicon

# The lexicon 0002 loaded; those of its phrases the new lexicon does not hold are removed (a
# phrase a moderator added stays).
FIRST_LEXICON = ['selvmord', 'selvmordet', 'selvmordstank*', 'selvmordsplan*', 'selvmordsforsøg*', 'selvmordstruet', 'selvmordsfare', 'suicidal*', 'begå* selvmord', 'begik selvmord', 'tage* mit eget liv', 'tog mit eget liv', 'tage* mit liv', 'tage* livet af mig', 'tog livet af mig', 'tager livet af mig', 'ende* mit liv', 'afslutte* mit liv', 'gøre en ende på mit liv', 'gøre en ende på det hele', 'gør en ende på det hele', 'skade* mig selv', 'skadede mig selv', 'skær* i mig selv', 'skar i mig selv', 'selvskad*', 'cutte*', 'har ikke lyst til at leve', 'ingen lyst til at leve', 'orker ikke at leve', 'vil ikke leve mere', 'vil ikke leve længere', 'gider ikke leve', 'gider ikke at leve', 'ønsker at dø', 'lyst til at dø', 'vil gerne dø', 'jeg vil dø', 'vil bare dø', 'bedre hvis jeg var død', 'bedre uden mig', 'ikke være her mere', 'ikke være her længere', 'jeg kan ikke mere', 'kan ikke holde det ud mere', 'overdosis', 'hænge mig', 'springe ud foran', 'kaste mig ud foran', 'ikke vågne* igen', 'aldrig vågne* igen', 'sige farvel til alle', 'intet at leve for', 'ikke noget at leve for', 'suicide', 'suicidal', 'kill myself', 'killing myself', 'end my life', 'ending my life', 'end it all', 'take my own life', 'take my life', 'taking my own life', "don't want to live", 'do not want to live', "don't want to be alive", 'want to die', 'wanna die', 'wish i was dead', 'wish i were dead', 'better off dead', 'better off without me', 'hurt myself', 'hurting myself', 'harm myself', 'harming myself', 'selfharm', 'cut myself', 'cutting myself', 'no reason to live', 'nothing to live for', "can't go on", 'cannot go on', 'overdose', 'not wake up', 'never wake up', 'not be here anymore', 'say goodbye to everyone']


def replace_first_lexicon(apps, schema_editor):
    from ligesind.safety.lexicon import all_phrases

    CrisisTerm = apps.get_model("safety", "CrisisTerm")
    kept = {phrase for phrase, _language, _family in all_phrases()}
    CrisisTerm.objects.filter(phrase__in=set(FIRST_LEXICON) - kept, added_by=None).delete()
    load_lexicon(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("safety", "0004_moderationaction_appeal_report_and_more")]
    operations = [
        migrations.AddField(
            model_name="crisisterm",
            name="family",
            field=models.CharField(
                choices=[
                    ("wish_dead", "Wish to be dead"),
                    ("suicide", "Thoughts of suicide"),
                    ("method", "Method or plan"),
                    ("intent", "Intent, often with a time"),
                    ("preparation", "Preparations: goodbyes, giving things away"),
                    ("self_harm", "Self-harm"),
                ],
                default="suicide",
                max_length=20,
                verbose_name="risk family",
            ),
        ),
        migrations.AddField(
            model_name="crisisalert",
            name="family",
            field=models.CharField(
                blank=True,
                choices=[
                    ("wish_dead", "Wish to be dead"),
                    ("suicide", "Thoughts of suicide"),
                    ("method", "Method or plan"),
                    ("intent", "Intent, often with a time"),
                    ("preparation", "Preparations: goodbyes, giving things away"),
                    ("self_harm", "Self-harm"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterModelOptions(
            name="crisisterm",
            options={
                "ordering": ["family", "language", "phrase"],
                "verbose_name": "crisis phrase",
                "verbose_name_plural": "crisis phrases",
            },
        ),
        migrations.RunPython(replace_first_lexicon, migrations.RunPython.noop),
    ]
