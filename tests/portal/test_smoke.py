from tests import factories


def test_factories_build_a_whole_meeting(db):
    stop = factories.SiteVisitStopFactory()
    factories.CertificateFactory(meeting=stop.visit.meeting)
    factories.RecommendationUpdateFactory(recommendation__meeting=stop.visit.meeting)
    assert stop.visit.meeting.recommendations.count() == 1
