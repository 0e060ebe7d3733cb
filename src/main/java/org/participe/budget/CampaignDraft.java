package org.participe.budget;

import java.time.LocalDate;
import java.util.List;

/**
 * What staff write. Dates are days of the town's time zone: each phase opens at the start of its
 * day; the vote stays open until the end of {@code voteUntil} (included); {@code implementationFrom}
 * is optional. {@code maxProjects} is K for {@link BallotKind#AT_MOST_K}, else ignored.
 */
public record CampaignDraft(String title, String rules, List<EnvelopeDraft> envelopes,
                            LocalDate submissionFrom, LocalDate reviewFrom, LocalDate voteFrom, LocalDate voteUntil,
                            LocalDate implementationFrom, Integer minimumAge, BallotKind ballotKind, Integer maxProjects,
                            CountingRule countingRule, boolean published) {
}
