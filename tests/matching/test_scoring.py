"""The scoring function's behaviour, pinned."""

from hypothesis import given
from hypothesis import strategies as st

from ligesind.matching.models import Hope, Meeting
from ligesind.matching.scoring import DANISH, Person, Weights, bit, meeting_fit, score

ADDICTION, LONELINESS = bit(1), bit(2)
WALKS, COOKING = bit(10), bit(11)


def p(uid=1, **fields):
    base = {
        "user_id": uid,
        "categories": ADDICTION,
        "affected": ADDICTION,
        "relative": 0,
        "topics": 0,
        "languages": DANISH,
        "municipality_id": 1,
        "meeting": Meeting.EITHER,
    }
    base.update(fields)
    return Person(**base)


def test_shared_category_and_perspective_and_place():
    fit = score(p(1), p(2))
    assert fit is not None
    # 3 (one shared category) + 2 (same perspective) + 2 (same municipality, can meet)
    assert fit.score == 7.0 and fit.same_place and fit.meeting == Meeting.EITHER


def test_no_shared_category_no_match():
    assert score(p(1), p(2, categories=LONELINESS, affected=LONELINESS)) is None


def test_never_on_diagnosis_alone():
    other = p(2, affected=0, relative=ADDICTION, municipality_id=9, meeting=Meeting.ONLINE)
    assert score(p(1, meeting=Meeting.ONLINE), other) is None
    with_walks = p(2, affected=0, relative=ADDICTION, municipality_id=9, topics=WALKS)
    assert score(p(1, topics=WALKS), with_walks) is not None


def fit_score(*args):
    fit = score(*args)
    assert fit is not None
    return fit.score


def test_weights_are_configurable():
    heavy = Weights(place=10.0)
    assert fit_score(p(1), p(2), heavy) == 3 + 2 + 10


def test_interests_count_up_to_three():
    many = WALKS | COOKING | bit(12) | bit(13)
    assert fit_score(p(1, topics=many), p(2, topics=many)) == 3 + 2 + 3 + 2


def test_guide_hope_needs_a_guide_and_relative_hope_a_relative():
    assert score(p(1, hope=Hope.GUIDE), p(2)) is None
    assert fit_score(p(1, hope=Hope.GUIDE), p(2, is_guide=True)) == 7 + 1
    assert score(p(1, hope=Hope.RELATIVE), p(2)) is None
    assert score(p(1, hope=Hope.RELATIVE), p(2, relative=ADDICTION)) is not None


def test_gender_preference_is_respected():
    assert score(p(1, gender_preference="woman"), p(2, gender="man")) is None
    assert score(p(1, gender_preference="woman"), p(2, gender="woman")) is not None


def test_meeting_fit():
    assert meeting_fit(Meeting.ONLINE, Meeting.IN_PERSON, True) is None
    assert meeting_fit(Meeting.ONLINE, Meeting.EITHER, False) == Meeting.ONLINE
    assert meeting_fit(Meeting.IN_PERSON, Meeting.EITHER, False) is None
    assert meeting_fit(Meeting.EITHER, Meeting.EITHER, False) == Meeting.ONLINE
    assert meeting_fit(Meeting.IN_PERSON, Meeting.EITHER, True) == Meeting.IN_PERSON


masks = st.integers(min_value=0, max_value=(1 << 12) - 1)
meetings = st.sampled_from(list(Meeting))


@given(masks, masks, masks, masks, meetings, meetings, st.integers(1, 3), st.integers(1, 3))
def test_any_fit_shares_a_category_and_something_else(c1, c2, t1, t2, m1, m2, place1, place2):
    a = p(1, categories=c1, affected=c1, topics=t1, meeting=m1, municipality_id=place1)
    b = p(2, categories=c2, affected=c2 & 0b1010, topics=t2, meeting=m2, municipality_id=place2)
    fit = score(a, b)
    if fit is not None:
        assert c1 & c2
        assert fit.same_perspective or fit.topics or fit.same_place or fit.languages
        assert fit.score > 0
