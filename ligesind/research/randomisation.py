"""Stratified permuted-block randomisation with allocation concealment.

Each stratum (e.g. a municipality) has its own blocks; each block holds every arm equally
often in a random order, and its size is chosen at random between one and two rounds of the
arms (two and four places with two arms), so that no one can tell the next allocation from
the last ones. A block is drawn (with the operating system's random source) only when the
first participant of it is allocated, and it is read only here: no page, API or admin shows a
block, so the next allocation stays unknown until the moment it is made.
"""

import secrets

from django.db import transaction

from .models import Allocation, Arm, Block, Participant

ROUNDS = (1, 2)  # block size = rounds × number of arms: 2 and 4 with two arms

_random = secrets.SystemRandom()


def _new_block(study_id: int, stratum: str, number: int, arms: list[int]) -> Block:
    rounds = _random.choice(ROUNDS)
    sequence = arms * rounds
    _random.shuffle(sequence)
    return Block.objects.create(
        study_id=study_id, stratum=stratum, number=number, sequence=sequence
    )


@transaction.atomic
def allocate(participant: Participant) -> Allocation:
    """Assign the participant to the next place of their stratum's current block."""
    existing = Allocation.objects.filter(participant=participant).first()
    if existing is not None:
        return existing
    study_id, stratum = participant.study_id, participant.stratum
    arms = list(Arm.objects.filter(study_id=study_id).order_by("pk").values_list("pk", flat=True))
    if len(arms) < 2:
        raise ValueError("A randomised study needs at least two arms.")
    block = (
        Block.objects.select_for_update()
        .filter(study_id=study_id, stratum=stratum)
        .order_by("-number")
        .first()
    )
    if block is None or block.used >= len(block.sequence):
        block = _new_block(study_id, stratum, (block.number + 1) if block else 1, arms)
    position = block.used
    block.used += 1
    block.save(update_fields=["used"])
    return Allocation.objects.create(
        participant=participant,
        arm_id=block.sequence[position],
        stratum=stratum,
        block_number=block.number,
        position=position + 1,
        block_size=len(block.sequence),
    )
